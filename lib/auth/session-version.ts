import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

type Tx = Prisma.TransactionClient;

/**
 * Sessions are JWT cookies, so revoking one means refusing it: each carries the user's
 * `sessionVersion` from when it was issued, and every request compares it with the current one
 * (one primary-key lookup, no cache, so revocation takes effect on the next request).
 * A session is current only for an existing, verified user whose version it carries; tokens
 * from before versions existed carry none and are refused.
 */
export async function isSessionCurrent(userId: string, version: unknown): Promise<boolean> {
  if (typeof version !== "number") return false;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { sessionVersion: true, emailVerified: true },
  });
  return user !== null && user.emailVerified !== null && user.sessionVersion === version;
}

/** The version a new session for this user carries; null when the user cannot hold one. */
export async function currentSessionVersion(userId: string): Promise<number | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { sessionVersion: true, emailVerified: true },
  });
  return user?.emailVerified ? user.sessionVersion : null;
}

/**
 * Ends every session the user holds, everywhere: sign-out, password change or removal,
 * verification and removal from an org call it (inside their transaction when they have one).
 */
export async function endAllSessions(userId: string, tx?: Tx): Promise<void> {
  await (tx ?? db).user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
