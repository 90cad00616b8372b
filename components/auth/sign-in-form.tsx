"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { sendSignInLink, signInWithPassword, type FormState } from "@/components/auth/actions";
import { ResendVerificationForm } from "@/components/auth/resend-verification-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignInForm({
  callbackUrl,
  problem,
  signUpEnabled,
}: {
  callbackUrl: string;
  problem: string | null;
  signUpEnabled: boolean;
}) {
  const [mode, setMode] = useState<"password" | "link">("password");
  const [passwordState, passwordAction] = useActionState<FormState, FormData>(signInWithPassword, {});
  const [linkState, linkAction] = useActionState<FormState, FormData>(sendSignInLink, {});
  const state = mode === "password" ? passwordState : linkState;

  return (
    <Card>
      <CardContent className="space-y-5 p-6">
        <div>
          <h1 className="text-lg font-semibold text-zinc-900">Sign in</h1>
          <p className="text-sm text-zinc-500">Welcome back. Sign in to your organization.</p>
        </div>
        {problem ? <Alert tone="danger">{problem}</Alert> : null}
        {state.error ? <Alert tone="danger">{state.error}</Alert> : null}
        {mode === "password" && passwordState.unverified && passwordState.email ? (
          <ResendVerificationForm email={passwordState.email} />
        ) : null}
        <form action={mode === "password" ? passwordAction : linkAction} className="space-y-4" key={mode}>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Field label="Email" error={state.fieldErrors?.email}>
            <Input name="email" type="email" autoComplete="email" required defaultValue={state.email} autoFocus />
          </Field>
          {mode === "password" ? (
            <Field label="Password">
              <Input name="password" type="password" autoComplete="current-password" required />
            </Field>
          ) : null}
          <SubmitButton className="w-full" pendingLabel={mode === "password" ? "Signing in…" : "Sending…"}>
            {mode === "password" ? "Sign in" : "Email me a sign-in link"}
          </SubmitButton>
        </form>
        <div className="relative text-center text-xs text-zinc-500">
          <span className="relative z-10 bg-surface px-2">or</span>
          <span className="absolute inset-x-0 top-1/2 border-t border-zinc-200" aria-hidden />
        </div>
        <button
          type="button"
          onClick={() => setMode(mode === "password" ? "link" : "password")}
          className="w-full text-sm font-medium text-accent-700 hover:text-accent-800"
        >
          {mode === "password" ? "Sign in with an email link instead" : "Sign in with a password instead"}
        </button>
      </CardContent>
      {signUpEnabled ? (
        <div className="border-t border-zinc-100 px-6 py-4 text-center text-sm text-zinc-600">
          New to Webhook Hub?{" "}
          <Link
            href={`/sign-up${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}
            className="font-medium text-accent-700 hover:text-accent-800"
          >
            Create an account
          </Link>
        </div>
      ) : null}
    </Card>
  );
}
