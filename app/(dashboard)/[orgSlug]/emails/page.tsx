import type { Metadata } from "next";
import { EmailsTable } from "@/components/emails/emails-table";
import { requireOrgPage } from "@/lib/auth/org-page";

export const metadata: Metadata = { title: "Emails" };

export default async function EmailsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, "emails:read");
  return <EmailsTable org={{ id: org.id, slug: org.slug }} />;
}
