"use client";

import { useActionState } from "react";
import { verifyEmailAction, type FormState } from "@/components/auth/actions";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * The page an emailed verification link opens. The password proves this is the person who
 * signed up, not only someone who received the email.
 */
export function VerifyEmailForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState<FormState, FormData>(verifyEmailAction, {});
  return (
    <Card>
      <CardContent className="space-y-5 p-6">
        <div>
          <h1 className="text-lg font-semibold text-zinc-900">Verify your email</h1>
          <p className="text-sm text-zinc-500">
            Enter the password you chose for <span className="font-medium text-zinc-900">{email}</span> to finish
            creating your account. If you did not sign up, close this page: the account is deleted after 7 days.
          </p>
        </div>
        {state.error ? <Alert tone="danger">{state.error}</Alert> : null}
        <form action={action} className="space-y-4">
          <input type="hidden" name="token" value={token} />
          <Field label="Password" error={state.fieldErrors?.password}>
            <Input name="password" type="password" autoComplete="current-password" required autoFocus />
          </Field>
          <SubmitButton className="w-full" pendingLabel="Verifying…">
            Verify and sign in
          </SubmitButton>
        </form>
      </CardContent>
    </Card>
  );
}
