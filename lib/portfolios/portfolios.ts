import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { changedFields } from "@/lib/audit/changes";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import {
  portfolioOutput,
  type CreatePortfolioInput,
  type PortfolioOutput,
  type UpdatePortfolioInput,
} from "@/lib/portfolios/schemas";

type Tx = Prisma.TransactionClient;

const withProjects = { include: { projects: { select: { id: true }, orderBy: { createdAt: "asc" } } } } as const;

function toOutput(row: {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  projects: Array<{ id: string }>;
}): PortfolioOutput {
  return portfolioOutput.parse({ ...row, projectIds: row.projects.map((project) => project.id) });
}

/** What a portfolio's audit entry compares: its name and its projects (as a set). */
function auditedSettings(row: { name: string; projects: Array<{ id: string }> }) {
  return { name: row.name, projectIds: row.projects.map((project) => project.id).sort() };
}

/** Every id must be a project of this org. */
async function checkProjects(orgId: string, projectIds: string[]) {
  const found = new Set(
    (await db.project.findMany({ where: { orgId, id: { in: projectIds } }, select: { id: true } })).map(
      (project) => project.id,
    ),
  );
  const missing = projectIds.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new AppError(
      "validation_failed",
      "The portfolio refers to projects that do not exist.",
      missing.map((id) => ({ path: "projectIds", message: `No project ${id} in this organization.` })),
    );
}

async function assertUniqueName(orgId: string, name: string, exceptId?: string) {
  const clash = await db.portfolio.findFirst({
    where: { orgId, name, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new AppError("conflict", `A portfolio named "${name}" already exists.`);
}

/**
 * A webhook scoped to a portfolio selects exactly the portfolio's projects: called whenever the
 * portfolio changes, so projects added to it are delivered to every webhook that uses it.
 */
export async function syncPortfolioWebhooks(tx: Tx, orgId: string, portfolioId: string): Promise<void> {
  const portfolio = await tx.portfolio.findFirst({
    where: { id: portfolioId, orgId },
    select: { projects: { select: { id: true } }, webhooks: { select: { id: true } } },
  });
  if (!portfolio) return;
  for (const webhook of portfolio.webhooks) {
    await tx.webhook.update({ where: { id: webhook.id, orgId }, data: { projects: { set: portfolio.projects } } });
  }
}

/** The projects a webhook scoped to this portfolio selects; 422 on `portfolioId` if there is no such portfolio. */
export async function portfolioProjectIds(orgId: string, portfolioId: string): Promise<string[]> {
  const portfolio = await db.portfolio.findFirst({ where: { id: portfolioId, orgId }, ...withProjects });
  if (!portfolio)
    throw new AppError("validation_failed", "The webhook refers to a portfolio that does not exist.", [
      { path: "portfolioId", message: `No portfolio ${portfolioId} in this organization.` },
    ]);
  return portfolio.projects.map((project) => project.id);
}

export async function listPortfolios(orgId: string): Promise<PortfolioOutput[]> {
  return (await db.portfolio.findMany({ where: { orgId }, orderBy: { name: "asc" }, ...withProjects })).map(toOutput);
}

export async function getPortfolio(orgId: string, id: string): Promise<PortfolioOutput> {
  const row = await db.portfolio.findFirst({ where: { id, orgId }, ...withProjects });
  if (!row) throw notFound("Portfolio");
  return toOutput(row);
}

export async function createPortfolio(
  orgId: string,
  actor: Actor,
  input: CreatePortfolioInput,
): Promise<PortfolioOutput> {
  await checkProjects(orgId, input.projectIds);
  await assertUniqueName(orgId, input.name);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.portfolio.create({
      data: { orgId, name: input.name, projects: { connect: input.projectIds.map((id) => ({ id })) } },
      ...withProjects,
    });
    await recordAudit(
      orgId,
      actor,
      "portfolio.created",
      { type: "portfolio", id: created.id },
      { name: created.name, projects: input.projectIds.length },
      tx,
    );
    return created;
  });
  return toOutput(row);
}

/** Renames it or replaces its projects; every webhook scoped to it follows in the same transaction. */
export async function updatePortfolio(
  orgId: string,
  actor: Actor,
  id: string,
  input: UpdatePortfolioInput,
): Promise<PortfolioOutput> {
  await getPortfolio(orgId, id);
  if (input.projectIds) await checkProjects(orgId, input.projectIds);
  if (input.name) await assertUniqueName(orgId, input.name, id);
  // The change and its audit entry commit together; the row is locked and read first, so the
  // entry's "before" is what this update replaced.
  const row = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Portfolio" WHERE id = ${id} AND "orgId" = ${orgId} FOR NO KEY UPDATE`;
    const before = await tx.portfolio.findFirst({ where: { id, orgId }, ...withProjects });
    if (!before) throw notFound("Portfolio");
    const after = await tx.portfolio.update({
      where: { id, orgId },
      data: {
        ...(input.name ? { name: input.name } : {}),
        ...(input.projectIds ? { projects: { set: input.projectIds.map((projectId) => ({ id: projectId })) } } : {}),
      },
      ...withProjects,
    });
    if (input.projectIds) await syncPortfolioWebhooks(tx, orgId, id);
    const changes = changedFields(auditedSettings(before), auditedSettings(after));
    await recordAudit(orgId, actor, "portfolio.updated", { type: "portfolio", id }, { name: after.name, changes }, tx);
    return after;
  });
  return toOutput(row);
}

export async function deletePortfolio(orgId: string, actor: Actor, id: string): Promise<void> {
  const portfolio = await getPortfolio(orgId, id);
  const users = await db.webhook.count({ where: { orgId, portfolioId: id } });
  if (users > 0)
    throw new AppError(
      "conflict",
      `${users} webhook${users === 1 ? " is" : "s are"} scoped to this portfolio; change their scope first.`,
    );
  await db.$transaction(async (tx) => {
    const { count } = await tx.portfolio.deleteMany({ where: { id, orgId } });
    if (count === 0) throw notFound("Portfolio");
    await recordAudit(orgId, actor, "portfolio.deleted", { type: "portfolio", id }, { name: portfolio.name }, tx);
  });
}
