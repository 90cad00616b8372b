import type { Metadata } from "next";
import { WebhooksTable } from "@/components/webhooks/webhooks-table";
import { NeedsRole } from "@/components/shell/needs-role";
import { orgPageAccess } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { page, needsRole } = await orgPageAccess((await params).orgSlug, "webhooks:read");
  if (needsRole) return <NeedsRole title="Webhooks" orgSlug={page.org.slug} role={page.role} needed={needsRole} />;
  const { org, role } = page;
  return <WebhooksTable org={{ id: org.id, slug: org.slug }} canWrite={roleCan(role, "webhooks:write")} />;
}
