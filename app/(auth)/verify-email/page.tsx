import type { Metadata } from "next";
import Link from "next/link";
import { ResendVerificationForm } from "@/components/auth/resend-verification-form";
import { Card, CardContent } from "@/components/ui/card";
import { MailIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Verify your email" };

/** Where sign-up lands: the account exists but cannot sign in until the emailed link is opened. */
export default async function CheckVerificationEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email = "" } = await searchParams;
  return (
    <Card>
      <CardContent className="space-y-4 p-6 text-center">
        <span className="mx-auto grid size-10 place-items-center rounded-full bg-accent-50 text-accent-600">
          <MailIcon className="size-5" />
        </span>
        <h1 className="text-lg font-semibold text-zinc-900">Check your email</h1>
        <p className="text-sm text-zinc-600">
          We sent a verification link to {email ? <span className="font-medium text-zinc-900">{email}</span> : "your address"}. Open it and enter your
          password to finish creating your account. The link works once and expires in 24 hours.
        </p>
        <p className="text-xs text-zinc-500">Running locally? The link is printed in the terminal that runs `npm run dev`.</p>
        {email ? <ResendVerificationForm email={email} /> : null}
        <Link href="/sign-in" className="inline-block text-sm font-medium text-accent-700 hover:text-accent-800">
          Back to sign in
        </Link>
      </CardContent>
    </Card>
  );
}
