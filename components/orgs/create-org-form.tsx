"use client";

import { useActionState } from "react";
import { createOrgAction, type CreateOrgState } from "@/components/orgs/actions";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateOrgForm() {
  const [state, action] = useActionState<CreateOrgState, FormData>(createOrgAction, {});
  return (
    <form action={action} className="space-y-4">
      <Field
        label="Organization name"
        hint="Your company, team or client. You can rename it later."
        error={state.error}
      >
        <Input name="name" required maxLength={80} defaultValue={state.name} autoFocus autoComplete="organization" />
      </Field>
      <SubmitButton className="w-full" pendingLabel="Creating…">
        Create organization
      </SubmitButton>
    </form>
  );
}
