import "server-only";
import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { CenteredPage } from "@/components/shell/centered-page";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const user = await requireUser();
  const { changed } = await searchParams;
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  const hasPassword = stored.passwordHash !== null;
  return (
    <CenteredPage>
      <Card>
        <CardContent className="space-y-5 p-6">
          <div className="space-y-1">
            <h1 className="text-lg font-semibold text-zinc-900">
              {hasPassword ? "Change your password" : "Set a password"}
            </h1>
            <p className="text-sm text-zinc-500">
              Signed in as <span className="font-medium text-zinc-900">{user.email}</span>. Saving signs you out
              everywhere else.
            </p>
          </div>
          {changed ? (
            <Alert tone="success" role="status">
              Password saved. Every other session has been signed out.
            </Alert>
          ) : null}
          <ChangePasswordForm hasPassword={hasPassword} />
        </CardContent>
        <div className="border-t border-zinc-100 px-6 py-4 text-center text-sm">
          <Link href="/" className="font-medium text-accent-700 hover:text-accent-800">
            Back to Webhook Hub
          </Link>
        </div>
      </Card>
    </CenteredPage>
  );
}
