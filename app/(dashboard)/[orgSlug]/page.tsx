import "server-only";
import { FolderIcon, KeyRoundIcon, MailIcon, UsersIcon } from "lucide-react";
import type { Metadata } from "next";
import { AttemptsChart } from "@/components/overview/attempts-chart";
import { AutoRefresh } from "@/components/overview/auto-refresh";
import { EngineLagNotice } from "@/components/overview/engine-lag";
import { Figure } from "@/components/overview/figure";
import { GetStarted } from "@/components/overview/get-started";
import { StatCard } from "@/components/overview/stat-card";
import { WebhookHealthTable } from "@/components/overview/webhook-health-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { orgHealth } from "@/lib/history/org-health";
import { orgOverview } from "@/lib/orgs/overview";

export const metadata: Metadata = { title: "Overview" };

// Health is re-read this often while the page is open: a stalled engine shows within a minute.
const refreshMs = 15_000;

export default async function OverviewPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org, role } = await requireOrgPage((await params).orgSlug);
  const [stats, health] = await Promise.all([orgOverview(org.id), orgHealth(org.id)]);
  const base = `/${org.slug}`;
  const canManageTokens = roleCan(role, "tokens:manage");
  const canReadEmails = roleCan(role, "emails:read");
  const progress = {
    hasProject: stats.projects > 0,
    hasWebhook: stats.webhooks > 0,
    hasToken: stats.activeTokens > 0,
    hasEvent: stats.hasEvent,
    hasDelivery: stats.hasDelivery,
  };

  return (
    <>
      <AutoRefresh intervalMs={refreshMs} />
      <PageHeader title={org.name} description="Your organization's deliveries and webhooks at a glance." />
      {Object.values(progress).every(Boolean) ? null : (
        <div className="mb-8">
          <GetStarted
            orgSlug={org.slug}
            apiOrigin={new URL(env.APP_URL).origin}
            progress={progress}
            canManageTokens={canManageTokens}
          />
        </div>
      )}
      <div className="grid grid-cols-1 gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Deliveries, last 24 hours</CardTitle>
            <CardDescription>
              Deliveries created in the last day by where they stand now, and what waits to be sent.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid grid-cols-1 gap-6">
            <div className="grid grid-cols-2 gap-4 sm:grid-cols-5">
              <Figure label="Succeeded" value={health.lastDay.succeeded} tone="text-emerald-700" />
              <Figure label="Retrying" value={health.lastDay.retrying} tone="text-amber-700" />
              <Figure label="Failed" value={health.lastDay.failed} tone="text-red-700" />
              <Figure label="Pending now" value={health.waiting.pending} />
              <Figure label="Held (paused)" value={health.waiting.held} />
            </div>
            <EngineLagNotice lag={health.lag} />
            <AttemptsChart hours={health.hours} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Webhooks</CardTitle>
            <CardDescription>
              Success rate and p95 latency of each webhook’s attempts over the last 24 hours; failing and disabled ones
              first, with why.
            </CardDescription>
          </CardHeader>
          <WebhookHealthTable orgSlug={org.slug} webhooks={health.webhooks} />
        </Card>
        <section aria-label="Organization" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard label="Projects" value={stats.projects} icon={<FolderIcon />} href={`${base}/projects`} />
          <StatCard label="Members" value={stats.members} icon={<UsersIcon />} href={`${base}/members`} />
          <StatCard
            label="Active API tokens"
            value={stats.activeTokens}
            icon={<KeyRoundIcon />}
            href={canManageTokens ? `${base}/tokens` : undefined}
          />
          <StatCard
            label="Emails sent (30 days)"
            value={stats.emailsSentLast30Days}
            icon={<MailIcon />}
            href={canReadEmails ? `${base}/emails` : undefined}
          />
        </section>
      </div>
    </>
  );
}
