import "server-only";
import { route } from "@/lib/http/route";
import { projectOperations as api } from "@/lib/openapi/operations/projects";
import { deleteProject, getProject, updateProject } from "@/lib/projects/projects";

export const GET = route(api.getProject, async ({ org, params }) => getProject(org.id, params.id));

export const PATCH = route(api.updateProject, async ({ org, actor, params, body }) =>
  updateProject(org.id, actor, params.id, body),
);

export const DELETE = route(api.deleteProject, async ({ org, actor, params }) =>
  deleteProject(org.id, actor, params.id),
);
