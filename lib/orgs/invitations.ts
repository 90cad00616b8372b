import "server-only";
import { randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { canAssignRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/http/errors";
import { queueEmail, sendQueuedEmails } from "@/lib/mail/send";
import { invitationEmail } from "@/lib/mail/templates";
import { invitationTokenFromCallback } from "@/lib/auth/callback";
import { hashToken } from "@/lib/tokens/token-secret";
import {
  invitationOutput,
  sentInvitationOutput,
  type InvitationOutput,
  type InviteMemberInput,
  type SentInvitationOutput,
} from "@/lib/orgs/schemas";

const invitationTtlMs = 7 * 24 * 60 * 60 * 1000;

export async function listInvitations(orgId: string): Promise<InvitationOutput[]> {
  const rows = await db.invitation.findMany({ where: { orgId, acceptedAt: null }, orderBy: { createdAt: "desc" } });
  return rows.map((row) => invitationOutput.parse(row));
}

/**
 * Emails a one-time link; the token itself exists only in that email (the stored copy is redacted).
 * The invitation, its audit entry and its email commit together; the email goes once they have.
 * A pending invitation to the same address is replaced, so only the latest link works; the answer
 * says which role it had (`replacedRole`), so a person re-inviting sees the role change.
 */
export async function inviteMember(
  orgId: string,
  actor: Actor,
  actorRole: Role,
  input: InviteMemberInput,
): Promise<SentInvitationOutput> {
  if (!canAssignRole(actorRole, input.role)) throw new AppError("forbidden", "Only owners can invite owners.");
  const existing = await db.member.findFirst({ where: { orgId, user: { email: input.email } } });
  if (existing) {
    throw new AppError("conflict", `${input.email} is already a member of this organization.`, { field: "email" });
  }

  const token = randomBytes(32).toString("base64url");
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
  const url = new URL(`/invite/${token}`, env.APP_URL).toString();
  const { invitation, replacedRole, email } = await db.$transaction(async (tx) => {
    const replaced = await tx.invitation.findFirst({
      where: { orgId, email: input.email, acceptedAt: null },
      orderBy: { createdAt: "desc" },
      select: { role: true },
    });
    await tx.invitation.deleteMany({ where: { orgId, email: input.email, acceptedAt: null } });
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
      { email: input.email, role: input.role, ...(replaced ? { replacedRole: replaced.role } : {}) },
      tx,
    );
    const email = await queueEmail(tx, {
      orgId,
      kind: "invitation",
      to: input.email,
      ...invitationEmail(org.name, actor.label, input.role, url),
      secrets: [token],
    });
    return { invitation: created, replacedRole: replaced?.role ?? null, email };
  });
  await sendQueuedEmails([email]);
  return sentInvitationOutput.parse({ ...invitation, replacedRole });
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

/**
 * The invitation a sign-up arrives from, read from its callback (`/invite/<token>`, as the
 * invitation page links to sign-up), or null when there is none or it is no longer valid. The
 * address comes from the stored invitation, never from the link, so the link cannot name one.
 */
export async function invitationForCallback(callback: string) {
  const token = invitationTokenFromCallback(callback);
  return token ? findInvitation(token) : null;
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
