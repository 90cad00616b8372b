import type { Metadata } from "next";
import { TriggerCatalog } from "@/components/triggers/trigger-catalog";
import { NeedsRole } from "@/components/shell/needs-role";
import { orgPageAccess } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Triggers" };

export default async function TriggersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { page, needsRole } = await orgPageAccess((await params).orgSlug, "webhooks:read");
  if (needsRole) return <NeedsRole title="Triggers" orgSlug={page.org.slug} role={page.role} needed={needsRole} />;
  const { org, role } = page;
  return <TriggerCatalog org={{ id: org.id, slug: org.slug }} canWrite={roleCan(role, "webhooks:write")} />;
}
