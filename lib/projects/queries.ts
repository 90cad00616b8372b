import { queryOptions } from "@tanstack/react-query";
import { apiFetch, type Json } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import type { Page } from "@/lib/http/pagination";
import type { CreateProjectInput, ProjectOutput, UpdateProjectInput } from "@/lib/projects/schemas";

export type Project = Json<ProjectOutput>;

export const projectKeys = {
  all: (org: OrgRef) => [org.id, "projects"] as const,
};

export function projectsQuery(org: OrgRef) {
  return queryOptions({
    queryKey: projectKeys.all(org),
    queryFn: () => apiFetch<Page<Project>>(org.slug, "projects?limit=100"),
  });
}

export const projectMutations = {
  create: (org: OrgRef, input: CreateProjectInput) =>
    apiFetch<Project>(org.slug, "projects", { method: "POST", body: input }),
  update: (org: OrgRef, id: string, input: UpdateProjectInput) =>
    apiFetch<Project>(org.slug, `projects/${id}`, { method: "PATCH", body: input }),
  remove: (org: OrgRef, id: string) => apiFetch<void>(org.slug, `projects/${id}`, { method: "DELETE" }),
};
