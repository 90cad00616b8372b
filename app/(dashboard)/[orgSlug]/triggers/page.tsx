import type { Metadata } from "next";
import { TriggerCatalog } from "@/components/triggers/trigger-catalog";
import { requireOrgPage } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Triggers" };

export default async function TriggersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org, role } = await requireOrgPage((await params).orgSlug, "webhooks:read");
  return <TriggerCatalog org={{ id: org.id, slug: org.slug }} canWrite={roleCan(role, "webhooks:write")} />;
}
