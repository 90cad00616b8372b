import type { Metadata } from "next";
import { PortfoliosPanel } from "@/components/portfolios/portfolios-panel";
import { ProjectsTable } from "@/components/projects/projects-table";
import { requireOrgPage } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org, role } = await requireOrgPage((await params).orgSlug, "projects:read");
  const ref = { id: org.id, slug: org.slug };
  const canWrite = roleCan(role, "projects:write");
  return (
    <>
      <ProjectsTable org={ref} canWrite={canWrite} />
      <PortfoliosPanel org={ref} canWrite={canWrite} />
    </>
  );
}
