import type { Metadata } from "next";
import { AuditTable } from "@/components/audit/audit-table";
import { requireOrgPage } from "@/lib/auth/org-page";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, "audit:read");
  return <AuditTable org={{ id: org.id, slug: org.slug }} />;
}
