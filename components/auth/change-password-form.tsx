"use client";

import { useActionState } from "react";
import type { FormState } from "@/components/auth/actions";
import { changePasswordAction } from "@/components/auth/account-actions";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

export function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action] = useActionState<FormState, FormData>(changePasswordAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4">
      {hasPassword ? (
        <Field label="Current password" error={errors.currentPassword}>
          <Input name="currentPassword" type="password" autoComplete="current-password" required />
        </Field>
      ) : (
        <input type="hidden" name="currentPassword" value="" />
      )}
      <Field label="New password" hint="At least 10 characters." error={errors.newPassword}>
        <Input name="newPassword" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <SubmitButton className="w-full" pendingLabel="Saving…">
        {hasPassword ? "Change password" : "Set password"}
      </SubmitButton>
    </form>
  );
}
