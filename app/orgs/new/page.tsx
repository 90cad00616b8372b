import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/components/auth/actions";
import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { CenteredPage } from "@/components/shell/centered-page";
import { Card, CardContent } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/orgs/orgs";

export const metadata: Metadata = { title: "Create organization" };

export default async function NewOrgPage() {
  const user = await requireUser();
  const [firstOrg] = await listUserOrganizations(user.id);
  return (
    <CenteredPage>
      <Card>
        <CardContent className="space-y-5 p-6">
          <div className="space-y-1">
            <h1 className="text-lg font-semibold text-zinc-900">Create an organization</h1>
            <p className="text-sm text-zinc-500">
              {firstOrg
                ? "A separate space with its own projects, webhooks, API tokens and members. You will be its owner."
                : "You are not a member of any organization yet. Create one to start sending webhooks, or ask a teammate to invite you to theirs."}
            </p>
          </div>
          <CreateOrgForm />
        </CardContent>
        <div className="border-t border-zinc-100 px-6 py-4 text-center text-sm text-zinc-600">
          {firstOrg ? (
            <Link href={`/${firstOrg.slug}`} className="font-medium text-accent-700 hover:text-accent-800">
              Back to {firstOrg.name}
            </Link>
          ) : (
            <form action={signOutAction}>
              Signed in as <span className="font-medium text-zinc-900">{user.email}</span>.{" "}
              <button type="submit" className="font-medium text-accent-700 hover:text-accent-800">
                Sign out
              </button>
            </form>
          )}
        </div>
      </Card>
    </CenteredPage>
  );
}
