import type { Metadata } from "next";
import { PortfoliosPanel } from "@/components/portfolios/portfolios-panel";
import { ProjectsTable } from "@/components/projects/projects-table";
import { NeedsRole } from "@/components/shell/needs-role";
import { orgPageAccess } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { page, needsRole } = await orgPageAccess((await params).orgSlug, "projects:read");
  if (needsRole) return <NeedsRole title="Projects" orgSlug={page.org.slug} role={page.role} needed={needsRole} />;
  const { org, role } = page;
  const ref = { id: org.id, slug: org.slug };
  const canWrite = roleCan(role, "projects:write");
  return (
    <>
      <ProjectsTable org={ref} canWrite={canWrite} />
      <PortfoliosPanel org={ref} canWrite={canWrite} />
    </>
  );
}
