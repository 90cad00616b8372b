import "server-only";
import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { paginationQuery } from "@/lib/http/pagination";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { createProject, listProjects } from "@/lib/projects/projects";
import { createProjectInput } from "@/lib/projects/schemas";

export const GET = withOrg(
  async (request, { org }) => json(await listProjects(org.id, parseQuery(request, paginationQuery))),
  { permission: "projects:read" },
);

export const POST = withOrg(
  async (request, { org, actor }) =>
    json(await createProject(org.id, actor, await parseJsonBody(request, createProjectInput)), { status: 201 }),
  { permission: "projects:write" },
);
