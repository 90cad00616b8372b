import type { Metadata } from "next";
import { EmailsTable } from "@/components/emails/emails-table";
import { NeedsRole } from "@/components/shell/needs-role";
import { orgPageAccess } from "@/lib/auth/org-page";

export const metadata: Metadata = { title: "Emails" };

export default async function EmailsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { page, needsRole } = await orgPageAccess((await params).orgSlug, "emails:read");
  if (needsRole) return <NeedsRole title="Emails" orgSlug={page.org.slug} role={page.role} needed={needsRole} />;
  const { org } = page;
  return <EmailsTable org={{ id: org.id, slug: org.slug }} />;
}
