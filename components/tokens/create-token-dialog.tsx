"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CurlExample, curlCommand } from "@/components/tokens/curl-example";
import { ScopePicker } from "@/components/tokens/scope-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, FormDialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { scopesAllow, type TokenScope } from "@/lib/auth/permissions";
import { formErrors } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import { tokenKeys, tokenMutations, type Token } from "@/lib/tokens/queries";

const expiryOptions = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
];

/** Creates a token, then shows its secret once with a ready-to-run curl command. */
export function CreateTokenDialog({
  org,
  apiOrigin,
  open,
  onClose,
}: {
  org: OrgRef;
  apiOrigin: string;
  open: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [scopes, setScopes] = useState<Set<TokenScope>>(() => new Set(["projects:read"]));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ token: Token; secret: string } | null>(null);
  const mutation = useMutation({
    mutationFn: (input: { name: string; scopes: TokenScope[]; expiresInDays: number | null }) =>
      tokenMutations.create(org, input),
    onSuccess: async (result) => {
      setCreated(result);
      toast({ title: `Token ${result.token.name} created`, tone: "success" });
      await queryClient.invalidateQueries({ queryKey: tokenKeys.all(org) });
    },
    onError: (error) => setErrors(formErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expiry = String(form.get("expiresInDays") ?? "never");
    setErrors({});
    mutation.mutate({
      name: String(form.get("name") ?? ""),
      scopes: [...scopes],
      expiresInDays: expiry === "never" ? null : Number(expiry),
    });
  }

  if (created) {
    const canListProjects = scopesAllow(created.token.scopes, "projects:read");
    return (
      <Dialog
        open={open}
        onClose={onClose}
        size="lg"
        title="Token created"
        description={`${created.token.name} is ready. Store it somewhere safe, like your CI's secret store.`}
        footer={<Button onClick={onClose}>Done</Button>}
      >
        <div className="space-y-5">
          <SecretReveal label="Your new API token" value={created.secret} />
          <div className="space-y-2">
            <p className="text-sm font-medium text-zinc-900">Try it</p>
            <CurlExample command={curlCommand(apiOrigin, created.secret)} />
            {canListProjects ? null : (
              <p className="text-xs text-zinc-500">
                This token has no <span className="font-mono">projects</span> scope, so this call answers 403 Forbidden.
              </p>
            )}
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      hideClose={mutation.isPending}
      title="Create API token"
      description="Tokens act for this organization with only the scopes you choose. Send one as Authorization: Bearer <token>."
      footer={
        <FormDialogFooter
          formId="token-form"
          submitLabel="Create token"
          pending={mutation.isPending}
          onCancel={onClose}
        />
      }
    >
      <form id="token-form" onSubmit={submit} className="space-y-5" noValidate>
        <Field label="Name" hint="What uses this token, e.g. “GitHub Actions deploy”." error={errors.name}>
          <Input name="name" required maxLength={100} autoComplete="off" />
        </Field>
        <fieldset
          className="grid grid-cols-1 gap-2"
          aria-describedby={errors.scopes ? "token-scopes-error" : undefined}
        >
          <legend className="mb-2 text-sm font-medium text-zinc-900">Scopes</legend>
          <ScopePicker selected={scopes} onChange={setScopes} />
          {errors.scopes ? (
            <p id="token-scopes-error" role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
              {errors.scopes}
            </p>
          ) : null}
        </fieldset>
        <Field label="Expires" hint="Shorter-lived tokens limit the damage if one leaks." error={errors.expiresInDays}>
          <Select name="expiresInDays" defaultValue="90" wrapperClassName="sm:w-48">
            {expiryOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
        {errors.form ? <Alert tone="danger">{errors.form}</Alert> : null}
      </form>
    </Dialog>
  );
}
