import { FolderIcon, KeyRoundIcon, MailIcon, UsersIcon, ZapIcon } from "lucide-react";
import type { Metadata } from "next";
import { GetStarted } from "@/components/overview/get-started";
import { StatCard } from "@/components/overview/stat-card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { orgOverview } from "@/lib/orgs/overview";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org, role } = await requireOrgPage((await params).orgSlug);
  const stats = await orgOverview(org.id);
  const base = `/${org.slug}`;
  const canManageTokens = roleCan(role, "tokens:manage");
  const canReadEmails = roleCan(role, "emails:read");

  return (
    <>
      <PageHeader title={org.name} description="Your organization at a glance." />
      <section aria-label="Statistics" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Projects" value={stats.projects} icon={<FolderIcon />} href={`${base}/projects`} />
        <StatCard label="Members" value={stats.members} icon={<UsersIcon />} href={`${base}/members`} />
        <StatCard label="Active API tokens" value={stats.activeTokens} icon={<KeyRoundIcon />} href={canManageTokens ? `${base}/tokens` : undefined} />
        <StatCard label="Emails sent (30 days)" value={stats.emailsSentLast30Days} icon={<MailIcon />} href={canReadEmails ? `${base}/emails` : undefined} />
      </section>
      <div className="mt-8">
        <GetStarted
          orgSlug={org.slug}
          apiOrigin={new URL(env.APP_URL).origin}
          hasProject={stats.projects > 0}
          hasToken={stats.activeTokens > 0}
          canManageTokens={canManageTokens}
        />
      </div>
      <p className="mt-6 flex items-center gap-2 text-sm text-zinc-500">
        <ZapIcon className="text-accent-500" />
        Coming next: delivery history, test events and retries.
      </p>
    </>
  );
}
