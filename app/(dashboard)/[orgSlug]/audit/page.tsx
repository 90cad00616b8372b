import type { Metadata } from "next";
import { AuditTable } from "@/components/audit/audit-table";
import { parseAuditFilters } from "@/components/audit/filters";
import { NeedsRole } from "@/components/shell/needs-role";
import { orgPageAccess } from "@/lib/auth/org-page";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { page, needsRole } = await orgPageAccess((await params).orgSlug, "audit:read");
  if (needsRole) return <NeedsRole title="Audit log" orgSlug={page.org.slug} role={page.role} needed={needsRole} />;
  const { org } = page;
  return <AuditTable org={{ id: org.id, slug: org.slug }} initialFilters={parseAuditFilters(await searchParams)} />;
}
