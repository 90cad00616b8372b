import type { Metadata } from "next";
import { CheckEmailCard } from "@/components/auth/check-email-card";
import { ResendVerificationForm } from "@/components/auth/resend-verification-form";

export const metadata: Metadata = { title: "Verify your email" };

/** Where sign-up lands: the account exists but cannot sign in until the emailed link is opened. */
export default async function CheckVerificationEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string }>;
}) {
  const { email = "" } = await searchParams;
  return (
    <CheckEmailCard action={email ? <ResendVerificationForm email={email} /> : null}>
      We sent a verification link to{" "}
      {email ? <span className="font-medium text-zinc-900">{email}</span> : "your address"}. Open it and enter your
      password to finish creating your account. The link works once and expires in 24 hours.
    </CheckEmailCard>
  );
}
