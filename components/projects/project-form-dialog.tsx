"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Dialog, FormDialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { formErrors } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import { projectKeys, projectMutations, type Project } from "@/lib/projects/queries";
import { FormError } from "@/components/ui/form-error";

/** Creates a project, or edits one when `project` is given. Server validation errors land on their fields. */
export function ProjectFormDialog({
  org,
  project,
  open,
  onClose,
}: {
  org: OrgRef;
  project?: Project;
  open: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (input: { key: string; name: string }) =>
      project ? projectMutations.update(org, project.id, input) : projectMutations.create(org, input),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.all(org) });
      toast({ title: project ? "Project saved" : `Project ${saved.key} created`, tone: "success" });
      onClose();
    },
    onError: (error) => setErrors(formErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrors({});
    mutation.mutate({ key: String(form.get("key") ?? ""), name: String(form.get("name") ?? "") });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={project ? "Edit project" : "New project"}
      description="Events are published for a project; webhooks can listen to one project or many."
      footer={
        <FormDialogFooter
          formId="project-form"
          submitLabel={project ? "Save" : "Create project"}
          pending={mutation.isPending}
          onCancel={onClose}
        />
      }
    >
      <form id="project-form" onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Key" hint="Letters, digits, '-', '_', '.', ':'; like a SonarQube project key." error={errors.key}>
          <Input name="key" defaultValue={project?.key} required className="font-mono" />
        </Field>
        <Field label="Name" error={errors.name}>
          <Input name="name" defaultValue={project?.name} required />
        </Field>
        <FormError message={errors.form} />
      </form>
    </Dialog>
  );
}
