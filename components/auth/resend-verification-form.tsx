"use client";

import { useActionState } from "react";
import { resendVerificationAction, type FormState } from "@/components/auth/actions";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

/** "Resend the verification email" for an address already typed in (sign-up, sign-in). */
export function ResendVerificationForm({ email }: { email: string }) {
  const [state, action] = useActionState<FormState, FormData>(resendVerificationAction, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="email" value={email} />
      {state.notice ? (
        <Alert tone="success" role="status">
          {state.notice}
        </Alert>
      ) : null}
      {state.fieldErrors?.email ? <Alert tone="danger">{state.fieldErrors.email}</Alert> : null}
      <SubmitButton variant="secondary" className="w-full" pendingLabel="Sending…">
        Resend verification email
      </SubmitButton>
    </form>
  );
}
