import type { Metadata } from "next";
import { ProjectsTable } from "@/components/projects/projects-table";
import { requireOrgPage } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org, role } = await requireOrgPage((await params).orgSlug, "projects:read");
  return <ProjectsTable org={{ id: org.id, slug: org.slug }} canWrite={roleCan(role, "projects:write")} />;
}
