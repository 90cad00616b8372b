import "server-only";
import type { Organization, Prisma, Role } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { changedFields } from "@/lib/audit/changes";
import { lowestRoleWith, roleCan } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { installCatalog } from "@/lib/event-types/install-catalog";
import { emailDomainOf, joinPolicyColumns, joinPolicyOf } from "@/lib/orgs/join-policy";
import { organizationOutput, type OrganizationOutput, type UpdateOrgInput } from "@/lib/orgs/schemas";
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

/**
 * The settings only owners change (`org:limits`): how many webhooks, how long history is kept, and
 * who may join without an invitation.
 */
export const ownerSettings = ["webhookLimitPerProject", "webhookLimitOrg", "retentionDays", "joinPolicy"] as const;

/** What an update's audit entry compares: the settings a person changes, the joining policy as its columns. */
function auditedSettings(org: Organization) {
  return {
    name: org.name,
    webhookLimitPerProject: org.webhookLimitPerProject,
    webhookLimitOrg: org.webhookLimitOrg,
    retentionDays: org.retentionDays,
    joinPolicy: org.joinPolicy,
    joinDomains: org.joinDomains,
    joinRole: org.joinRole,
  };
}

/** The organization as the API shows it. */
export function organizationView(org: Organization): OrganizationOutput {
  return organizationOutput.parse({ ...org, joinPolicy: joinPolicyOf(org) });
}

function forbiddenOwnerSetting(input: UpdateOrgInput): AppError {
  const owner = lowestRoleWith("org:limits");
  return input.joinPolicy !== undefined
    ? new AppError("forbidden", `Changing who can join this organization needs the ${owner} role.`)
    : new AppError("forbidden", `Changing webhook limits or history retention needs the ${owner} role.`);
}

/**
 * A policy may add only domains where an owner of the org has a verified address: otherwise an org
 * could claim another company's domain, and that company's new people would land in a stranger's
 * org. Domains the policy holds already were checked when they were added.
 */
async function refuseUnprovenDomains(tx: Tx, orgId: string, domains: string[], kept: string[]) {
  const owners = await tx.member.findMany({
    where: { orgId, role: "owner", user: { emailVerified: { not: null } } },
    select: { user: { select: { email: true } } },
  });
  const ownerDomains = new Set(owners.map((owner) => emailDomainOf(owner.user.email)));
  const issues = domains
    .map((domain, index) => ({ domain, index }))
    .filter(({ domain }) => !ownerDomains.has(domain) && !kept.includes(domain))
    .map(({ domain, index }) => ({
      path: `joinPolicy.domains.${index}`,
      message: `No owner of this organization has a verified address at ${domain}. Add only domains where an owner's email address is.`,
    }));
  if (issues.length > 0) throw new AppError("validation_failed", "The request is not valid.", issues);
}

/** Renames and changes owner settings; `role` is the member's, which must hold `org:limits` for those. */
export async function updateOrganization(orgId: string, actor: Actor, role: Role, input: UpdateOrgInput) {
  if (ownerSettings.some((field) => input[field] !== undefined) && !roleCan(role, "org:limits")) {
    throw forbiddenOwnerSetting(input);
  }
  const data = {
    name: input.name,
    webhookLimitPerProject: input.webhookLimitPerProject,
    webhookLimitOrg: input.webhookLimitOrg,
    retentionDays: input.retentionDays,
    ...(input.joinPolicy ? joinPolicyColumns(input.joinPolicy) : {}),
  };
  return db.$transaction(async (tx) => {
    // Locked and read first, so the audit entry's "before" is what this update replaced.
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${orgId} FOR NO KEY UPDATE`;
    const before = await tx.organization.findUniqueOrThrow({ where: { id: orgId } });
    if (data.joinDomains) await refuseUnprovenDomains(tx, orgId, data.joinDomains, before.joinDomains);
    const org = await tx.organization.update({ where: { id: orgId }, data });
    const changes = changedFields(auditedSettings(before), auditedSettings(org));
    await recordAudit(orgId, actor, "organization.updated", { type: "organization", id: orgId }, { changes }, tx);
    return organizationView(org);
  });
}

export function listUserOrganizations(userId: string) {
  return db.organization.findMany({
    where: { members: { some: { userId } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, name: true },
  });
}
