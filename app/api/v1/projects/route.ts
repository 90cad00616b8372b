import "server-only";
import { route } from "@/lib/http/route";
import { projectOperations as api } from "@/lib/openapi/operations/projects";
import { createProject, listProjects } from "@/lib/projects/projects";

export const GET = route(api.listProjects, async ({ org, query }) => listProjects(org.id, query));

export const POST = route(api.createProject, async ({ org, actor, body }) => createProject(org.id, actor, body));
