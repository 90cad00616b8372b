import type { Role } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { canAssignRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { memberOutput, type MemberOutput } from "@/lib/orgs/schemas";

const memberInclude = { user: { select: { id: true, email: true, name: true } } } as const;

export async function listMembers(orgId: string): Promise<MemberOutput[]> {
  const rows = await db.member.findMany({ where: { orgId }, include: memberInclude, orderBy: { createdAt: "asc" } });
  return rows.map((row) => memberOutput.parse(row));
}

async function findMember(orgId: string, memberId: string) {
  const member = await db.member.findFirst({ where: { id: memberId, orgId }, include: memberInclude });
  if (!member) throw notFound("Member");
  return member;
}

async function assertNotLastOwner(orgId: string, member: { role: Role }) {
  if (member.role !== "owner") return;
  const owners = await db.member.count({ where: { orgId, role: "owner" } });
  if (owners <= 1) throw new AppError("conflict", "An organization needs at least one owner. Make someone else an owner first.");
}

export async function changeMemberRole(orgId: string, actor: Actor, actorRole: Role, memberId: string, role: Role) {
  const member = await findMember(orgId, memberId);
  if (!canAssignRole(actorRole, role) || !canAssignRole(actorRole, member.role)) {
    throw new AppError("forbidden", "Only owners can grant or take away the owner role.");
  }
  if (role !== "owner") await assertNotLastOwner(orgId, member);
  await db.member.updateMany({ where: { id: memberId, orgId }, data: { role } });
  await recordAudit(orgId, actor, "member.role_changed", { type: "member", id: memberId }, {
    email: member.user.email,
    from: member.role,
    to: role,
  });
  return memberOutput.parse({ ...member, role });
}

export async function removeMember(orgId: string, actor: Actor, actorRole: Role, memberId: string) {
  const member = await findMember(orgId, memberId);
  if (!canAssignRole(actorRole, member.role)) throw new AppError("forbidden", "Only owners can remove an owner.");
  await assertNotLastOwner(orgId, member);
  await db.member.deleteMany({ where: { id: memberId, orgId } });
  await recordAudit(orgId, actor, "member.removed", { type: "member", id: memberId }, { email: member.user.email });
}
