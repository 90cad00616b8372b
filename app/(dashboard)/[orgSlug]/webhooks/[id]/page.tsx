import type { Metadata } from "next";
import { WebhookDetails } from "@/components/webhooks/webhook-details";
import { requireOrgPage } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Webhook" };

export default async function WebhookPage({ params }: { params: Promise<{ orgSlug: string; id: string }> }) {
  const { orgSlug, id } = await params;
  const { org, role } = await requireOrgPage(orgSlug, "webhooks:read");
  return <WebhookDetails org={{ id: org.id, slug: org.slug }} id={id} canWrite={roleCan(role, "webhooks:write")} canRetry={roleCan(role, "deliveries:write")} />;
}
