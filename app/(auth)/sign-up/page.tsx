import "server-only";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallback } from "@/lib/auth/callback";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { invitationForCallback } from "@/lib/orgs/invitations";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (!env.SIGNUP_ENABLED) notFound();
  if (await currentUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  const callback = safeCallback(callbackUrl);
  // Arriving from an invitation: its address, read from the stored invitation, fills the email field.
  const invitation = await invitationForCallback(callback);
  return (
    <SignUpForm callbackUrl={callback} joining={callback.startsWith("/invite/")} invitedEmail={invitation?.email} />
  );
}
