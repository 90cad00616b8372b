import "server-only";
import type { JoinRole, Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/audit";
import { emailDomainOf } from "@/lib/orgs/join-policy";
import { publicEmailDomains } from "@/lib/orgs/public-email-domains";

type Tx = Prisma.TransactionClient;

export interface JoinedOrganization {
  id: string;
  slug: string;
  name: string;
}

/**
 * Joins a person whose address was just proven to every organization whose policy admits its
 * domain, with the policy's role, inside the transaction that proves it; each join is audited,
 * with the person as its actor. Call it only where an address becomes verified: joining once, at
 * that moment, means a member an owner removes stays removed.
 *
 * Left out: orgs the person belongs to already, and orgs holding a pending invitation to the
 * address, whose role its sender chose (accepting it joins them).
 */
export async function joinOrgsByEmailDomain(
  tx: Tx,
  user: { id: string; email: string },
): Promise<JoinedOrganization[]> {
  const email = user.email.toLowerCase();
  const domain = emailDomainOf(email);
  // A policy saved before its domain joined the list of public providers admits nobody more.
  if (publicEmailDomains.has(domain)) return [];
  // FOR SHARE: an owner switching the policy off at this moment waits for this join, or is seen by it.
  const candidates = await tx.$queryRaw<Array<JoinedOrganization & { joinRole: JoinRole }>>`
    SELECT id, slug, name, "joinRole"::text AS "joinRole" FROM "Organization"
    WHERE "joinPolicy" = 'email_domain' AND "joinDomains" @> ARRAY[${domain}]::text[]
    ORDER BY "createdAt"
    FOR SHARE`;
  if (candidates.length === 0) return [];
  const candidateIds = candidates.map((org) => org.id);
  const [memberships, invitations] = await Promise.all([
    tx.member.findMany({ where: { userId: user.id, orgId: { in: candidateIds } }, select: { orgId: true } }),
    tx.invitation.findMany({
      where: { email, orgId: { in: candidateIds }, acceptedAt: null, expiresAt: { gt: new Date() } },
      select: { orgId: true },
    }),
  ]);
  const leftOut = new Set([...memberships, ...invitations].map((row) => row.orgId));
  const orgs = candidates.filter((org) => !leftOut.has(org.id));
  if (orgs.length === 0) return [];
  // skipDuplicates: a membership committed meanwhile (an invitation accepted) is kept as it is.
  const members = await tx.member.createManyAndReturn({
    data: orgs.map((org) => ({ orgId: org.id, userId: user.id, role: org.joinRole })),
    skipDuplicates: true,
  });
  for (const member of members) {
    await recordAudit(
      member.orgId,
      { type: "member", userId: user.id, memberId: member.id, label: email },
      "member.joined_by_domain",
      { type: "member", id: member.id },
      { email, role: member.role, domain },
      tx,
    );
  }
  const joinedIds = new Set(members.map((member) => member.orgId));
  return orgs.filter((org) => joinedIds.has(org.id)).map(({ id, slug, name }) => ({ id, slug, name }));
}
