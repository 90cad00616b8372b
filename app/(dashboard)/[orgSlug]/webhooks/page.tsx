import type { Metadata } from "next";
import { WebhooksTable } from "@/components/webhooks/webhooks-table";
import { requireOrgPage } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org, role } = await requireOrgPage((await params).orgSlug, "webhooks:read");
  return <WebhooksTable org={{ id: org.id, slug: org.slug }} canWrite={roleCan(role, "webhooks:write")} />;
}
