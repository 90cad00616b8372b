import "server-only";
import type { Organization, Prisma, Role } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { changedFields } from "@/lib/audit/changes";
import { lowestRoleWith, roleCan } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { installCatalog } from "@/lib/event-types/install-catalog";
import type { UpdateOrgInput } from "@/lib/orgs/schemas";
import { slugFor } from "@/lib/orgs/slug";

type Tx = Prisma.TransactionClient;

/** Creates an organization with the user as its owner and the built-in trigger catalog. */
export async function createOrganization(userId: string, userEmail: string, name: string, tx?: Tx) {
  const run = async (client: Tx) => {
    const org = await client.organization.create({ data: { name, slug: slugFor(name) } });
    const member = await client.member.create({ data: { orgId: org.id, userId, role: "owner" } });
    await installCatalog(client, org.id);
    const actor: Actor = { type: "member", userId, memberId: member.id, label: userEmail };
    await recordAudit(org.id, actor, "organization.created", { type: "organization", id: org.id }, { name }, client);
    return org;
  };
  return tx ? run(tx) : db.$transaction(run);
}

/** The settings only owners change (`org:limits`): how many webhooks, and how long history is kept. */
export const ownerSettings = ["webhookLimitPerProject", "webhookLimitOrg", "retentionDays"] as const;

/** What an update's audit entry compares: the settings a person changes. */
function auditedSettings(org: Pick<Organization, "name" | (typeof ownerSettings)[number]>) {
  return {
    name: org.name,
    webhookLimitPerProject: org.webhookLimitPerProject,
    webhookLimitOrg: org.webhookLimitOrg,
    retentionDays: org.retentionDays,
  };
}

/** Renames and changes limits; `role` is the member's, which must hold `org:limits` for the limits. */
export async function updateOrganization(orgId: string, actor: Actor, role: Role, input: UpdateOrgInput) {
  if (ownerSettings.some((field) => input[field] !== undefined) && !roleCan(role, "org:limits")) {
    throw new AppError(
      "forbidden",
      `Changing webhook limits or history retention needs the ${lowestRoleWith("org:limits")} role.`,
    );
  }
  const data = {
    name: input.name,
    webhookLimitPerProject: input.webhookLimitPerProject,
    webhookLimitOrg: input.webhookLimitOrg,
    retentionDays: input.retentionDays,
  };
  return db.$transaction(async (tx) => {
    // Locked and read first, so the audit entry's "before" is what this update replaced.
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${orgId} FOR NO KEY UPDATE`;
    const before = await tx.organization.findUniqueOrThrow({ where: { id: orgId } });
    const org = await tx.organization.update({ where: { id: orgId }, data });
    const changes = changedFields(auditedSettings(before), auditedSettings(org));
    await recordAudit(orgId, actor, "organization.updated", { type: "organization", id: orgId }, { changes }, tx);
    return org;
  });
}

export function listUserOrganizations(userId: string) {
  return db.organization.findMany({
    where: { members: { some: { userId } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, name: true },
  });
}
