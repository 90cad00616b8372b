import "server-only";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallback } from "@/lib/auth/callback";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

// What Auth.js's own redirects to this page mean, for a person.
function problemOf(error: string | undefined, code: string | undefined): string | null {
  if (code === "rate_limited") return "Too many sign-in attempts. Wait a few minutes, then try again.";
  if (error === "Verification") return "That sign-in link is invalid or has expired. Ask for a new one.";
  return null;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; code?: string }>;
}) {
  const { callbackUrl, error, code } = await searchParams;
  const callback = safeCallback(callbackUrl);
  if (await currentUser()) redirect(callback);
  return <SignInForm callbackUrl={callback} problem={problemOf(error, code)} signUpEnabled={env.SIGNUP_ENABLED} />;
}
