import "server-only";
import type { Prisma, Role } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { changedFields } from "@/lib/audit/changes";
import { canAssignRole } from "@/lib/auth/permissions";
import { endAllSessions } from "@/lib/auth/session-version";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { memberOutput, type MemberOutput } from "@/lib/orgs/schemas";

const memberInclude = { user: { select: { id: true, email: true, name: true } } } as const;

export async function listMembers(orgId: string): Promise<MemberOutput[]> {
  const rows = await db.member.findMany({ where: { orgId }, include: memberInclude, orderBy: { createdAt: "asc" } });
  return rows.map((row) => memberOutput.parse(row));
}

type Tx = Prisma.TransactionClient;

async function findMember(tx: Tx, orgId: string, memberId: string) {
  const member = await tx.member.findFirst({ where: { id: memberId, orgId }, include: memberInclude });
  if (!member) throw notFound("Member");
  return member;
}

async function assertNotLastOwner(tx: Tx, orgId: string, member: { role: Role }) {
  if (member.role !== "owner") return;
  const owners = await tx.member.count({ where: { orgId, role: "owner" } });
  if (owners <= 1)
    throw new AppError("conflict", "An organization needs at least one owner. Make someone else an owner first.");
}

/**
 * Role changes and removals run one at a time per org (the org row is locked), so two owners
 * demoting each other at once cannot leave the org without an owner.
 */
function withOrgLock<T>(orgId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${orgId} FOR UPDATE`;
    return work(tx);
  });
}

export async function changeMemberRole(orgId: string, actor: Actor, actorRole: Role, memberId: string, role: Role) {
  return withOrgLock(orgId, async (tx) => {
    const member = await findMember(tx, orgId, memberId);
    if (!canAssignRole(actorRole, role) || !canAssignRole(actorRole, member.role)) {
      throw new AppError("forbidden", "Only owners can grant or take away the owner role.");
    }
    if (role !== "owner") await assertNotLastOwner(tx, orgId, member);
    await tx.member.updateMany({ where: { id: memberId, orgId }, data: { role } });
    await recordAudit(
      orgId,
      actor,
      "member.role_changed",
      { type: "member", id: memberId },
      { email: member.user.email, changes: changedFields({ role: member.role }, { role }) },
      tx,
    );
    return memberOutput.parse({ ...member, role });
  });
}

export async function removeMember(orgId: string, actor: Actor, actorRole: Role, memberId: string) {
  await withOrgLock(orgId, async (tx) => {
    const member = await findMember(tx, orgId, memberId);
    if (!canAssignRole(actorRole, member.role)) throw new AppError("forbidden", "Only owners can remove an owner.");
    await assertNotLastOwner(tx, orgId, member);
    await tx.member.deleteMany({ where: { id: memberId, orgId } });
    // Their sessions end everywhere at once; a copied cookie stops working with them.
    await endAllSessions(member.userId, tx);
    // An open invitation must not let a removed member straight back in.
    await tx.invitation.deleteMany({ where: { orgId, email: member.user.email, acceptedAt: null } });
    await recordAudit(
      orgId,
      actor,
      "member.removed",
      { type: "member", id: memberId },
      { email: member.user.email },
      tx,
    );
  });
}
