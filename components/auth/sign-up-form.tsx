"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signUpAction, type FormState } from "@/components/auth/actions";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

/** `joining`: the person arrives from an invitation, so they get no organization of their own. */
export function SignUpForm({ callbackUrl, joining }: { callbackUrl: string; joining: boolean }) {
  const [state, action] = useActionState<FormState, FormData>(signUpAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <Card>
      <CardContent className="space-y-5 p-6">
        <div>
          <h1 className="text-lg font-semibold text-zinc-900">Create your account</h1>
          <p className="text-sm text-zinc-500">
            {joining
              ? "Create your account, then accept the invitation."
              : "You will own a new organization; invite your team later."}
          </p>
        </div>
        <form action={action} className="space-y-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Field label="Your name" error={errors.name}>
            <Input name="name" autoComplete="name" required autoFocus />
          </Field>
          <Field label="Work email" error={errors.email}>
            <Input name="email" type="email" autoComplete="email" required defaultValue={state.email} />
          </Field>
          <Field label="Password" hint="At least 10 characters." error={errors.password}>
            <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
          </Field>
          {joining ? null : (
            <Field
              label="Organization name"
              hint="Your company or team. You can rename it later."
              error={errors.orgName}
            >
              <Input name="orgName" required />
            </Field>
          )}
          <SubmitButton className="w-full" pendingLabel="Creating your account…">
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
