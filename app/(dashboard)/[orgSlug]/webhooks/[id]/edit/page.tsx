import type { Metadata } from "next";
import { EditWebhook } from "@/components/webhooks/edit-webhook";
import { requireOrgPage } from "@/lib/auth/org-page";

export const metadata: Metadata = { title: "Edit webhook" };

export default async function EditWebhookPage({ params }: { params: Promise<{ orgSlug: string; id: string }> }) {
  const { orgSlug, id } = await params;
  const { org } = await requireOrgPage(orgSlug, "webhooks:write");
  return <EditWebhook org={{ id: org.id, slug: org.slug }} id={id} />;
}
