import { paginationQuery } from "@/lib/http/pagination";
import { defineOperations, idParam, pageOf } from "@/lib/openapi/operation";
import { createProjectInput, projectOutput, updateProjectInput } from "@/lib/projects/schemas";

/** Published under `components.schemas` by these names. */
export const projectSchemas = {
  Project: projectOutput,
  ProjectPage: pageOf(projectOutput),
  CreateProjectInput: createProjectInput,
  UpdateProjectInput: updateProjectInput,
};

const s = projectSchemas;

export const projectOperations = defineOperations({
  listProjects: {
    method: "GET",
    path: "/api/v1/projects",
    tag: "Projects",
    permission: "projects:read",
    summary: "List projects",
    query: paginationQuery,
    outcome: { status: 200, description: "A page of projects, newest first.", schema: s.ProjectPage },
  },
  createProject: {
    method: "POST",
    path: "/api/v1/projects",
    tag: "Projects",
    permission: "projects:write",
    summary: "Create a project",
    body: s.CreateProjectInput,
    conflict: "`conflict`: a project with this key already exists.",
    outcome: { status: 201, description: "The new project.", schema: s.Project },
  },
  getProject: {
    method: "GET",
    path: "/api/v1/projects/{id}",
    tag: "Projects",
    permission: "projects:read",
    summary: "Get a project",
    pathParams: idParam("project"),
    outcome: { status: 200, description: "The project.", schema: s.Project },
  },
  updateProject: {
    method: "PATCH",
    path: "/api/v1/projects/{id}",
    tag: "Projects",
    permission: "projects:write",
    summary: "Change a project's key or name",
    pathParams: idParam("project"),
    body: s.UpdateProjectInput,
    conflict: "`conflict`: another project already has this key.",
    outcome: { status: 200, description: "The updated project.", schema: s.Project },
  },
  deleteProject: {
    method: "DELETE",
    path: "/api/v1/projects/{id}",
    tag: "Projects",
    permission: "projects:write",
    summary: "Delete a project",
    pathParams: idParam("project"),
    outcome: { status: 204, description: "Deleted." },
  },
});
