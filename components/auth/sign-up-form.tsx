"use client";

import Link from "next/link";
import { startTransition, useActionState, type FormEvent } from "react";
import { signUpAction, type FormState } from "@/components/auth/actions";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * `joining`: the person arrives from an invitation, so they get no organization of their own.
 * `invitedEmail`: the address that invitation was sent to (read on the server from the stored
 * invitation), filled in; signing up with it needs no verification email, another address does.
 */
export function SignUpForm({
  callbackUrl,
  joining,
  invitedEmail,
}: {
  callbackUrl: string;
  joining: boolean;
  invitedEmail?: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction, {});
  const errors = state.fieldErrors ?? {};

  // A form action resets the form once it settles; a refused sign-up should come back as typed,
  // password included, so the action runs in a transition of our own (without JavaScript, the
  // server sends every field but the password back).
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }

  return (
    <Card>
      <CardContent className="space-y-5 p-6">
        <div>
          <h1 className="text-lg font-semibold text-zinc-900">Create your account</h1>
          <p className="text-sm text-zinc-500">
            {joining
              ? "Create your account, then accept the invitation."
              : "Start an organization for your team, or join the one your team has."}
          </p>
        </div>
        <form action={action} onSubmit={submit} className="space-y-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Field label="Your name" error={errors.name}>
            <Input name="name" autoComplete="name" required autoFocus defaultValue={state.name} />
          </Field>
          <Field
            label="Work email"
            hint={
              invitedEmail
                ? `Your invitation was sent to ${invitedEmail}. With another address, we email it a link to verify first.`
                : undefined
            }
            error={errors.email}
          >
            <Input name="email" type="email" autoComplete="email" required defaultValue={state.email ?? invitedEmail} />
          </Field>
          <Field label="Password" hint="At least 10 characters." error={errors.password}>
            <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
          </Field>
          {joining ? null : (
            <Field
              label="Organization name (optional)"
              hint="Your company or team; you will own it. Leave it empty if your team's organization lets people at your email domain join."
              error={errors.orgName}
            >
              <Input name="orgName" defaultValue={state.orgName} />
            </Field>
          )}
          {state.error ? <Alert tone="danger">{state.error}</Alert> : null}
          <SubmitButton className="w-full" pendingLabel="Creating your account…" loading={pending}>
            Create account
          </SubmitButton>
        </form>
      </CardContent>
      <div className="border-t border-zinc-100 px-6 py-4 text-center text-sm text-zinc-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-accent-700 hover:text-accent-800">
          Sign in
        </Link>
      </div>
    </Card>
  );
}
