import type { Metadata } from "next";
import Link from "next/link";
import { VerifyEmailForm } from "@/components/auth/verify-email-form";
import { Card, CardContent } from "@/components/ui/card";
import { findEmailVerification } from "@/lib/auth/email-verification";

export const metadata: Metadata = { title: "Verify your email" };

// Opening the link changes nothing (mail scanners open links too); the form below does.
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const verification = await findEmailVerification(token);
  if (verification) return <VerifyEmailForm token={token} email={verification.user.email} />;
  return (
    <Card>
      <CardContent className="space-y-3 p-6 text-center">
        <h1 className="text-lg font-semibold text-zinc-900">This link is no longer valid</h1>
        <p className="text-sm text-zinc-600">
          It was used already, replaced by a newer one, or it expired (links last 24 hours). Sign in with your password
          to get a new one.
        </p>
        <Link href="/sign-in" className="inline-block text-sm font-medium text-accent-700 hover:text-accent-800">
          Go to sign in
        </Link>
      </CardContent>
    </Card>
  );
}
