import type { Metadata } from "next";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { NeedsRole } from "@/components/shell/needs-role";
import { orgPageAccess } from "@/lib/auth/org-page";

export const metadata: Metadata = { title: "New webhook" };

export default async function NewWebhookPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { page, needsRole } = await orgPageAccess((await params).orgSlug, "webhooks:write");
  if (needsRole) return <NeedsRole title="New webhook" orgSlug={page.org.slug} role={page.role} needed={needsRole} />;
  const { org } = page;
  return (
    <>
      <PageHeader
        title="New webhook"
        description="Where to send events, in which format, and how to sign them."
        breadcrumb={<Breadcrumbs items={[{ label: "Webhooks", href: `/${org.slug}/webhooks` }, { label: "New" }]} />}
      />
      <WebhookForm org={{ id: org.id, slug: org.slug }} />
    </>
  );
}
