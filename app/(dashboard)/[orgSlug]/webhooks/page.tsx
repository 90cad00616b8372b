import type { Metadata } from "next";
import { parseWebhookSort } from "@/components/webhooks/health";
import { WebhooksTable } from "@/components/webhooks/webhooks-table";
import { NeedsRole } from "@/components/shell/needs-role";
import { orgPageAccess } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";
import { webhookListHealth } from "@/lib/history/webhook-health";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ sort?: string | string[]; order?: string | string[] }>;
}) {
  const { page, needsRole } = await orgPageAccess((await params).orgSlug, "webhooks:read");
  if (needsRole) return <NeedsRole title="Webhooks" orgSlug={page.org.slug} role={page.role} needed={needsRole} />;
  const { org, role } = page;
  const health = await webhookListHealth(org.id);
  return (
    <WebhooksTable
      org={{ id: org.id, slug: org.slug }}
      canWrite={roleCan(role, "webhooks:write")}
      health={health.map((line) => ({
        ...line,
        lastAttempt: line.lastAttempt && { ...line.lastAttempt, at: line.lastAttempt.at.toISOString() },
      }))}
      initialSort={parseWebhookSort(await searchParams)}
    />
  );
}
