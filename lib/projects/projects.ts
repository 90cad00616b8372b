import "server-only";
import type { Actor } from "@/lib/audit/audit";
import { recordAudit } from "@/lib/audit/audit";
import { changedFields } from "@/lib/audit/changes";
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

const keyTaken = (key: string) =>
  new AppError("conflict", `A project with the key "${key}" already exists.`, { field: "key" });

async function assertKeyFree(orgId: string, key: string, exceptId?: string) {
  const existing = await db.project.findFirst({
    where: { orgId, key, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
  });
  if (existing) throw keyTaken(key);
}

export async function listProjects(orgId: string, query: PaginationQuery): Promise<Page<ProjectOutput>> {
  const rows = await db.project.findMany(pageArgs(orgId, query, { orgId }));
  const page = toPage(orgId, rows, query.limit);
  return { ...page, data: page.data.map((row) => projectOutput.parse(row)) };
}

export async function getProject(orgId: string, id: string): Promise<ProjectOutput> {
  const row = await db.project.findFirst({ where: { id, orgId } });
  if (!row) throw notFound("Project");
  return projectOutput.parse(row);
}

export async function createProject(orgId: string, actor: Actor, input: CreateProjectInput): Promise<ProjectOutput> {
  await assertKeyFree(orgId, input.key);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.project.create({ data: { orgId, key: input.key, name: input.name } });
    await recordAudit(
      orgId,
      actor,
      "project.created",
      { type: "project", id: created.id },
      { key: created.key, name: created.name },
      tx,
    );
    return created;
  });
  forgetProjects(orgId);
  return projectOutput.parse(row);
}

export async function updateProject(
  orgId: string,
  actor: Actor,
  id: string,
  input: UpdateProjectInput,
): Promise<ProjectOutput> {
  if (input.key) await assertKeyFree(orgId, input.key, id);
  const row = await db.$transaction(async (tx) => {
    // Locked and read first, so the audit entry's "before" is what this update replaced.
    await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${id} AND "orgId" = ${orgId} FOR NO KEY UPDATE`;
    const before = await tx.project.findFirst({ where: { id, orgId } });
    if (!before) throw notFound("Project");
    const { count } = await tx.project.updateMany({ where: { id, orgId }, data: { key: input.key, name: input.name } });
    const updated = count === 0 ? null : await tx.project.findFirst({ where: { id, orgId } });
    if (!updated) throw notFound("Project");
    const changes = changedFields({ key: before.key, name: before.name }, { key: updated.key, name: updated.name });
    await recordAudit(orgId, actor, "project.updated", { type: "project", id }, { key: updated.key, changes }, tx);
    return updated;
  });
  forgetProjects(orgId);
  return projectOutput.parse(row);
}

export async function deleteProject(orgId: string, actor: Actor, id: string): Promise<void> {
  const project = await getProject(orgId, id);
  await db.$transaction(async (tx) => {
    const { count } = await tx.project.deleteMany({ where: { id, orgId } });
    if (count === 0) throw notFound("Project");
    await recordAudit(orgId, actor, "project.deleted", { type: "project", id }, { key: project.key }, tx);
  });
  forgetProjects(orgId);
}
