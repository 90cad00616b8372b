import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  if (await currentUser()) redirect(callbackUrl?.startsWith("/") ? callbackUrl : "/");
  return <SignInForm callbackUrl={callbackUrl?.startsWith("/") ? callbackUrl : "/"} linkError={error === "Verification"} />;
}
