"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, FormDialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { formErrors } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import { portfolioKeys, portfolioMutations, type Portfolio } from "@/lib/portfolios/queries";
import type { Project } from "@/lib/projects/queries";
import { webhookKeys } from "@/lib/webhooks/queries";
import { FormError } from "@/components/ui/form-error";

/** Creates a portfolio, or edits one when `portfolio` is given; webhooks scoped to it follow its projects. */
export function PortfolioDialog({
  org,
  projects,
  portfolio,
  onClose,
}: {
  org: OrgRef;
  projects: readonly Project[];
  portfolio?: Portfolio;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [selected, setSelected] = useState<string[]>(portfolio?.projectIds ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (input: { name: string; projectIds: string[] }) =>
      portfolio ? portfolioMutations.update(org, portfolio.id, input) : portfolioMutations.create(org, input),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: portfolioKeys.all(org) });
      await queryClient.invalidateQueries({ queryKey: webhookKeys.all(org) });
      toast({ title: portfolio ? "Portfolio saved" : `Portfolio ${saved.name} created`, tone: "success" });
      onClose();
    },
    onError: (error) => setErrors(formErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    mutation.mutate({ name: String(new FormData(event.currentTarget).get("name") ?? ""), projectIds: selected });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={portfolio ? "Edit portfolio" : "New portfolio"}
      description="A named selection of projects. Webhooks scoped to it receive its projects' events, including projects added later (SecurityScorecard: Selected Portfolio)."
      footer={
        <FormDialogFooter
          formId="portfolio-form"
          submitLabel={portfolio ? "Save" : "Create portfolio"}
          pending={mutation.isPending}
          onCancel={onClose}
        />
      }
    >
      <form id="portfolio-form" onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Name" error={errors.name}>
          <Input name="name" defaultValue={portfolio?.name} required />
        </Field>
        <fieldset className="grid grid-cols-1 gap-2">
          <legend className="mb-1 text-sm font-medium text-zinc-800">Projects</legend>
          {projects.map((project) => (
            <Checkbox
              key={project.id}
              label={<span className="font-mono text-xs">{project.key}</span>}
              description={project.name}
              checked={selected.includes(project.id)}
              onChange={(event) =>
                setSelected(
                  event.target.checked ? [...selected, project.id] : selected.filter((id) => id !== project.id),
                )
              }
            />
          ))}
          {errors.projectIds ? (
            <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
              {errors.projectIds}
            </p>
          ) : null}
        </fieldset>
        <FormError message={errors.form} />
      </form>
    </Dialog>
  );
}
