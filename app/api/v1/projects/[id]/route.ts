import "server-only";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { deleteProject, getProject, updateProject } from "@/lib/projects/projects";
import { updateProjectInput } from "@/lib/projects/schemas";

type Params = { id: string };

export const GET = withOrg<Params>(
  async (_request, { org, params }) => json(await getProject(org.id, params.id)),
  { permission: "projects:read" },
);

export const PATCH = withOrg<Params>(
  async (request, { org, actor, params }) =>
    json(await updateProject(org.id, actor, params.id, await parseJsonBody(request, updateProjectInput))),
  { permission: "projects:write" },
);

export const DELETE = withOrg<Params>(
  async (_request, { org, actor, params }) => {
    await deleteProject(org.id, actor, params.id);
    return new Response(null, { status: 204 });
  },
  { permission: "projects:write" },
);
