import { MailIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { switchAccountAction } from "@/components/invite/actions";
import { AcceptInvitationForm } from "@/components/invite/accept-invitation-form";
import { roleLabels } from "@/components/members/roles";
import { CenteredPage } from "@/components/shell/centered-page";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";
import { findInvitation } from "@/lib/orgs/invitations";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([findInvitation(token), currentUser()]);

  if (!invitation) {
    return (
      <CenteredPage>
        <Card>
          <CardContent className="space-y-3 p-6 text-center">
            <h1 className="text-lg font-semibold text-zinc-900">This invitation is no longer valid</h1>
            <p className="text-sm text-zinc-600">
              It may have been used already, revoked, or it expired (links last 7 days). Ask whoever invited you to send
              a new one.
            </p>
            <Link href="/" className="inline-block text-sm font-medium text-accent-700 hover:text-accent-800">
              Go to Webhook Hub
            </Link>
          </CardContent>
        </Card>
      </CenteredPage>
    );
  }

  const callbackUrl = encodeURIComponent(`/invite/${token}`);
  return (
    <CenteredPage>
      <Card>
        <CardContent className="space-y-5 p-6">
          <div className="space-y-3 text-center">
            <span className="mx-auto grid size-10 place-items-center rounded-full bg-accent-50 text-accent-600 dark:text-accent-300">
              <MailIcon className="size-5" />
            </span>
            <h1 className="text-lg font-semibold text-zinc-900">Join {invitation.org.name}</h1>
            <p className="text-sm text-zinc-600">
              You are invited as{" "}
              <span className="font-medium text-zinc-900">{roleLabels[invitation.role].toLowerCase()}</span>. The
              invitation was sent to <span className="font-medium text-zinc-900">{invitation.email}</span>.
            </p>
          </div>
          {user ? (
            <AcceptInvitationForm token={token} />
          ) : (
            <div className="grid grid-cols-1 gap-2">
              <Link href={`/sign-in?callbackUrl=${callbackUrl}`} className={buttonClassName("primary")}>
                Sign in to accept
              </Link>
              <Link href={`/sign-up?callbackUrl=${callbackUrl}`} className={buttonClassName("secondary")}>
                Create an account
              </Link>
            </div>
          )}
        </CardContent>
        {user ? (
          <form
            action={switchAccountAction}
            className="border-t border-zinc-100 px-6 py-4 text-center text-sm text-zinc-600"
          >
            <input type="hidden" name="token" value={token} />
            Signed in as <span className="font-medium text-zinc-900">{user.email}</span>.{" "}
            <button type="submit" className="font-medium text-accent-700 hover:text-accent-800">
              Use another account
            </button>
          </form>
        ) : null}
      </Card>
    </CenteredPage>
  );
}
