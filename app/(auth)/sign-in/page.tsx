import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallback } from "@/lib/auth/callback";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const callback = safeCallback(callbackUrl);
  if (await currentUser()) redirect(callback);
  return <SignInForm callbackUrl={callback} linkError={error === "Verification"} signUpEnabled={env.SIGNUP_ENABLED} />;
}
