import type { Actor } from "@/lib/audit/audit";
import { recordAudit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { pageArgs, toPage, type Page, type PaginationQuery } from "@/lib/http/pagination";
import { forgetProjects } from "@/lib/projects/project-cache";
import {
  projectOutput,
  type CreateProjectInput,
  type ProjectOutput,
  type UpdateProjectInput,
} from "@/lib/projects/schemas";

const keyTaken = (key: string) => new AppError("conflict", `A project with the key "${key}" already exists.`, { field: "key" });

async function assertKeyFree(orgId: string, key: string, exceptId?: string) {
  const existing = await db.project.findFirst({ where: { orgId, key, ...(exceptId ? { NOT: { id: exceptId } } : {}) } });
  if (existing) throw keyTaken(key);
}

export async function listProjects(orgId: string, query: PaginationQuery): Promise<Page<ProjectOutput>> {
  const rows = await db.project.findMany({ where: { orgId }, ...pageArgs(query) });
  const page = toPage(rows, query.limit);
  return { ...page, data: page.data.map((row) => projectOutput.parse(row)) };
}

export async function getProject(orgId: string, id: string): Promise<ProjectOutput> {
  const row = await db.project.findFirst({ where: { id, orgId } });
  if (!row) throw notFound("Project");
  return projectOutput.parse(row);
}

export async function createProject(orgId: string, actor: Actor, input: CreateProjectInput): Promise<ProjectOutput> {
  await assertKeyFree(orgId, input.key);
  const row = await db.project.create({ data: { orgId, key: input.key, name: input.name } });
  forgetProjects(orgId);
  await recordAudit(orgId, actor, "project.created", { type: "project", id: row.id }, { key: row.key, name: row.name });
  return projectOutput.parse(row);
}

export async function updateProject(orgId: string, actor: Actor, id: string, input: UpdateProjectInput): Promise<ProjectOutput> {
  if (input.key) await assertKeyFree(orgId, input.key, id);
  const { count } = await db.project.updateMany({ where: { id, orgId }, data: { key: input.key, name: input.name } });
  forgetProjects(orgId);
  if (count === 0) throw notFound("Project");
  const project = await getProject(orgId, id);
  await recordAudit(orgId, actor, "project.updated", { type: "project", id }, { key: project.key, name: project.name });
  return project;
}

export async function deleteProject(orgId: string, actor: Actor, id: string): Promise<void> {
  const project = await getProject(orgId, id);
  const { count } = await db.project.deleteMany({ where: { id, orgId } });
  forgetProjects(orgId);
  if (count === 0) throw notFound("Project");
  await recordAudit(orgId, actor, "project.deleted", { type: "project", id }, { key: project.key });
}
