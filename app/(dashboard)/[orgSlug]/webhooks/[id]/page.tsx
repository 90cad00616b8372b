import type { Metadata } from "next";
import { WebhookDetails } from "@/components/webhooks/webhook-details";
import { NeedsRole } from "@/components/shell/needs-role";
import { orgPageAccess } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Webhook" };

export default async function WebhookPage({ params }: { params: Promise<{ orgSlug: string; id: string }> }) {
  const { orgSlug, id } = await params;
  const { page, needsRole } = await orgPageAccess(orgSlug, "webhooks:read");
  if (needsRole) return <NeedsRole title="Webhook" orgSlug={page.org.slug} role={page.role} needed={needsRole} />;
  const { org, role } = page;
  return (
    <WebhookDetails
      org={{ id: org.id, slug: org.slug }}
      id={id}
      canWrite={roleCan(role, "webhooks:write")}
      canRetry={roleCan(role, "deliveries:write")}
    />
  );
}
