import "server-only";
import { randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { canAssignRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/http/errors";
import { sendEmail } from "@/lib/mail/send";
import { invitationEmail } from "@/lib/mail/templates";
import { hashToken } from "@/lib/tokens/token-secret";
import { invitationOutput, type InvitationOutput, type InviteMemberInput } from "@/lib/orgs/schemas";

const invitationTtlMs = 7 * 24 * 60 * 60 * 1000;

export async function listInvitations(orgId: string): Promise<InvitationOutput[]> {
  const rows = await db.invitation.findMany({ where: { orgId, acceptedAt: null }, orderBy: { createdAt: "desc" } });
  return rows.map((row) => invitationOutput.parse(row));
}

/** Emails a one-time link; the token itself exists only in that email (the stored copy is redacted). */
export async function inviteMember(orgId: string, actor: Actor, actorRole: Role, input: InviteMemberInput) {
  if (!canAssignRole(actorRole, input.role)) throw new AppError("forbidden", "Only owners can invite owners.");
  const existing = await db.member.findFirst({ where: { orgId, user: { email: input.email } } });
  if (existing) throw new AppError("conflict", `${input.email} is already a member.`, { field: "email" });

  const token = randomBytes(32).toString("base64url");
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
  // A new invitation replaces any earlier one to the same address: only the latest link works.
  await db.invitation.deleteMany({ where: { orgId, email: input.email, acceptedAt: null } });
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        orgId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: actor.type === "member" ? actor.userId : null,
        expiresAt: new Date(Date.now() + invitationTtlMs),
      },
    });
    await recordAudit(
      orgId,
      actor,
      "member.invited",
      { type: "invitation", id: created.id },
      { email: input.email, role: input.role },
      tx,
    );
    return created;
  });
  const url = new URL(`/invite/${token}`, env.APP_URL).toString();
  await sendEmail({
    orgId,
    kind: "invitation",
    to: input.email,
    ...invitationEmail(org.name, actor.label, input.role, url),
    secrets: [token],
  });
  return invitationOutput.parse(invitation);
}

export async function revokeInvitation(orgId: string, actor: Actor, invitationId: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.deleteMany({ where: { id: invitationId, orgId, acceptedAt: null } });
    if (count === 0) throw notFound("Invitation");
    await recordAudit(orgId, actor, "invitation.revoked", { type: "invitation", id: invitationId }, {}, tx);
  });
}

export async function findInvitation(token: string) {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { org: true } });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) return null;
  return invitation;
}

/** Joins the signed-in user to the org, if the invitation was addressed to their email. */
export async function acceptInvitation(token: string, user: { id: string; email: string }) {
  const invitation = await findInvitation(token);
  if (!invitation) throw new AppError("not_found", "This invitation is invalid, used or expired.");
  if (invitation.email !== user.email.toLowerCase()) {
    throw new AppError(
      "forbidden",
      `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
    );
  }
  await db.$transaction(async (tx) => {
    // An address nobody has proven cannot be given an org: its account may be someone's squat.
    const account = await tx.user.findUnique({ where: { id: user.id }, select: { emailVerified: true } });
    if (!account?.emailVerified)
      throw new AppError("forbidden", "Verify your email address before joining an organization.");
    // Conditional on still being open, so two concurrent accepts cannot both succeed.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, orgId: invitation.orgId, acceptedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (count === 0) throw new AppError("not_found", "This invitation is invalid, used or expired.");
    await tx.invitation.deleteMany({ where: { orgId: invitation.orgId, email: invitation.email, acceptedAt: null } });
    const joined = await tx.member.upsert({
      where: { orgId_userId: { orgId: invitation.orgId, userId: user.id } },
      create: { orgId: invitation.orgId, userId: user.id, role: invitation.role },
      update: {},
    });
    const actor: Actor = { type: "member", userId: user.id, memberId: joined.id, label: user.email };
    await recordAudit(
      invitation.orgId,
      actor,
      "member.joined",
      { type: "member", id: joined.id },
      { email: user.email, role: joined.role },
      tx,
    );
    return joined;
  });
  return invitation.org;
}
