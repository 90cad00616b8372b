import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { safeCallback } from "@/lib/auth/callback";
import { verifyPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/session-version";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { queueEmail, sendQueuedEmails } from "@/lib/mail/send";
import { verifyEmailEmail } from "@/lib/mail/templates";
import { joinOrgsByEmailDomain } from "@/lib/orgs/join-by-email-domain";
import { createOrganization } from "@/lib/orgs/orgs";
import { hashToken } from "@/lib/tokens/token-secret";

export const verificationTtlMs = 24 * 60 * 60 * 1000;
/** Unverified accounts (with no membership) are deleted this long after sign-up. */
export const unverifiedAccountTtlMs = 7 * 24 * 60 * 60 * 1000;

const linkGone = () =>
  new AppError("not_found", "This verification link is invalid, used or expired. Sign in to get a new one.");

export interface PendingSignUp {
  /** The organization sign-up asked for, created once the address is proven. */
  orgName?: string | null;
  callbackUrl?: string | null;
}

/**
 * A single-use link that proves the address, issued in the caller's transaction with its email:
 * only the latest link works; the token exists only in the email (the outbox copy is redacted) and
 * is stored as a SHA-256 hash. Send the returned email once the transaction has committed
 * (`sendQueuedEmails`); the sweep sends it if that fails.
 */
export async function queueEmailVerification(
  tx: Prisma.TransactionClient,
  user: { id: string; email: string },
  pending: PendingSignUp = {},
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.emailVerification.deleteMany({ where: { userId: user.id } });
  await tx.emailVerification.create({
    data: {
      userId: user.id,
      tokenHash: hashToken(token),
      orgName: pending.orgName ?? null,
      callbackUrl: pending.callbackUrl ? safeCallback(pending.callbackUrl) : null,
      expiresAt: new Date(Date.now() + verificationTtlMs),
    },
  });
  const url = new URL(`/verify-email/${token}`, env.APP_URL).toString();
  return queueEmail(tx, {
    orgId: null,
    kind: "email_verification",
    to: user.email,
    ...verifyEmailEmail(url),
    secrets: [token],
  });
}

/** The open verification a link names, with the address it proves; null when used, replaced or expired. */
export async function findEmailVerification(token: string) {
  const row = await db.emailVerification.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, emailVerified: true } } },
  });
  // An address proven another way meanwhile (a magic link) needs the link no more.
  if (!row || row.usedAt || row.expiresAt <= new Date() || row.user.emailVerified) return null;
  return row;
}

/**
 * Proves the address and, because the link alone could have been triggered by someone else's
 * sign-up, asks for the password chosen at sign-up too: only the person who registered *and*
 * owns the mailbox gets a verified account. Uses the link up, ends every earlier session, creates
 * the organization sign-up asked for, and joins those whose policy admits the address's domain.
 */
export async function completeEmailVerification(token: string, password: string) {
  const row = await findEmailVerification(token);
  if (!row) throw linkGone();
  const user = await db.user.findUniqueOrThrow({ where: { id: row.userId }, omit: { passwordHash: false } });
  if (!user.passwordHash || !(await verifyPassword(password, user.passwordHash))) {
    throw new AppError("forbidden", "Wrong password. Enter the password you chose when you signed up.", {
      field: "password",
    });
  }
  return db.$transaction(async (tx) => {
    // Conditional on still being open, so two concurrent uses cannot both succeed.
    const { count } = await tx.emailVerification.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (count === 0) throw linkGone();
    await tx.emailVerification.deleteMany({ where: { userId: user.id, id: { not: row.id } } });
    await tx.user.update({ where: { id: user.id }, data: { emailVerified: user.emailVerified ?? new Date() } });
    await endAllSessions(user.id, tx);
    const org = row.orgName ? await createOrganization(user.id, user.email, row.orgName, tx) : null;
    const joined = await joinOrgsByEmailDomain(tx, user);
    return { user: { id: user.id, email: user.email }, org, joined, callbackUrl: row.callbackUrl };
  });
}

/**
 * A new link for an unverified password account, keeping what sign-up asked for. Says nothing
 * about whether the address has an account: the caller answers the same either way.
 */
export async function resendEmailVerification(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, omit: { passwordHash: false } });
  if (!user || user.emailVerified || !user.passwordHash) return;
  const previous = await db.emailVerification.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
  const queued = await db.$transaction((tx) =>
    queueEmailVerification(tx, user, { orgName: previous?.orgName, callbackUrl: previous?.callbackUrl }),
  );
  await sendQueuedEmails([queued]);
}

/**
 * Deletes password accounts whose address was never proven within unverifiedAccountTtlMs, so a
 * pre-registered address frees itself. Accounts that belong to an org (created before
 * verification existed) are kept: they must verify at their next sign-in instead.
 * Call it periodically (the hourly purge); returns how many accounts went.
 */
export async function purgeExpiredUnverifiedAccounts(now = new Date()): Promise<number> {
  const { count } = await db.user.deleteMany({
    where: {
      emailVerified: null,
      createdAt: { lt: new Date(now.getTime() - unverifiedAccountTtlMs) },
      memberships: { none: {} },
    },
  });
  await db.emailVerification.deleteMany({ where: { OR: [{ usedAt: { not: null } }, { expiresAt: { lt: now } }] } });
  return count;
}
