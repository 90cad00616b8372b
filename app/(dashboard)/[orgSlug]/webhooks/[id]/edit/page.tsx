import type { Metadata } from "next";
import { EditWebhook } from "@/components/webhooks/edit-webhook";
import { NeedsRole } from "@/components/shell/needs-role";
import { orgPageAccess } from "@/lib/auth/org-page";

export const metadata: Metadata = { title: "Edit webhook" };

export default async function EditWebhookPage({ params }: { params: Promise<{ orgSlug: string; id: string }> }) {
  const { orgSlug, id } = await params;
  const { page, needsRole } = await orgPageAccess(orgSlug, "webhooks:write");
  if (needsRole) return <NeedsRole title="Edit webhook" orgSlug={page.org.slug} role={page.role} needed={needsRole} />;
  const { org } = page;
  return <EditWebhook org={{ id: org.id, slug: org.slug }} id={id} />;
}
