import "server-only";
import type { Email, Prisma } from "@/generated/prisma/client";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { db, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { mailTransport } from "@/lib/mail/transport";
import { logger } from "@/lib/observability/logger";

export interface OutgoingEmail {
  orgId: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Values (tokens) that reach the recipient but are blanked in the stored copy. */
  secrets?: string[];
}

/** The app client or a transaction: anything that can write an email row. */
type EmailWriter = Pick<Db, "email">;

/** An email as the outbox keeps it; the encrypted body never leaves this file. */
type StoredEmail = Omit<Email, "bodyEncrypted">;

// A sender that took an email this long ago without recording how it went died (SMTP waits are bounded at 40 s).
const claimLeaseMs = 5 * 60_000;
// An email still queued this long after it was written lost its send (the process died after the commit).
const lostAfterMs = 30_000;
const sweepBatch = 100;

function redact(text: string, secrets: string[] = []): string {
  return secrets.filter(Boolean).reduce((result, secret) => result.replaceAll(secret, "[redacted]"), text);
}

/**
 * An email as part of a change, written in the change's own transaction: the change and its email
 * commit together or not at all. The stored copy has its secrets blanked, so a database reader
 * cannot use a sign-in or invitation link; the email as it is to be sent waits encrypted beside it
 * and is dropped once sent. Send the returned id once the transaction has committed
 * (`sendQueuedEmails`); the sweep sends any a failure left behind.
 */
export async function queueEmail(client: EmailWriter, email: OutgoingEmail): Promise<string> {
  const hasSecrets = (email.secrets ?? []).some(Boolean);
  const row = await client.email.create({
    data: {
      orgId: email.orgId,
      kind: email.kind,
      to: email.to,
      subject: email.subject,
      text: redact(email.text, email.secrets),
      html: email.html ? redact(email.html, email.secrets) : undefined,
      bodyEncrypted: hasSecrets ? encryptSecret(JSON.stringify({ text: email.text, html: email.html ?? null })) : null,
    },
    select: { id: true },
  });
  return row.id;
}

type ClaimedEmail = Pick<Email, "id" | "to" | "subject" | "text" | "html" | "bodyEncrypted">;

/** Hands one claimed email to SMTP and records the outcome, which ends its wait (and drops its encrypted body). */
async function deliver(email: ClaimedEmail): Promise<StoredEmail> {
  const finish = (data: Prisma.EmailUpdateInput) =>
    db.email.update({ where: { id: email.id }, data: { ...data, bodyEncrypted: null } });
  const transport = mailTransport();
  if (!transport) return finish({ status: "failed", error: "SMTP_URL is not configured." });
  try {
    const body = email.bodyEncrypted
      ? (JSON.parse(decryptSecret(email.bodyEncrypted)) as { text: string; html: string | null })
      : { text: email.text, html: email.html };
    await transport.sendMail({
      from: env.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: body.text,
      html: body.html ?? undefined,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error({ emailId: email.id, reason }, "Sending an email failed");
    return finish({ status: "failed", error: reason.slice(0, 500) });
  }
  return finish({ status: "sent", sentAt: new Date() });
}

/**
 * Sends queued emails over SMTP, each taken first (so the sweep and a slow send never both send
 * it), and records how each went: sent, or failed with the server's reason, as the outbox shows
 * them. Never throws: an email whose outcome could not be recorded stays queued for the sweep.
 */
export async function sendQueuedEmails(ids: string[], now = new Date()): Promise<StoredEmail[]> {
  if (ids.length === 0) return [];
  try {
    const claimed = await db.email.updateManyAndReturn({
      where: {
        id: { in: ids },
        status: "queued",
        OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(now.getTime() - claimLeaseMs) } }],
      },
      data: { claimedAt: now },
      select: { id: true, to: true, subject: true, text: true, html: true, bodyEncrypted: true },
    });
    const results: StoredEmail[] = [];
    for (const email of claimed) results.push(await deliver(email));
    return results;
  } catch (error) {
    logger.warn({ err: error, emails: ids.length }, "Could not send queued emails; the sweep sends them");
    return [];
  }
}

/**
 * An email on its own, not part of a change (a sign-in link, the engine's notices): stored, sent,
 * and its outcome recorded, so every email the hub meant to send is visible with its status even
 * when the SMTP server is down. Answers the stored row.
 */
export async function sendEmail(email: OutgoingEmail): Promise<StoredEmail> {
  const id = await queueEmail(db, email);
  const [sent] = await sendQueuedEmails([id]);
  return sent ?? db.email.findUniqueOrThrow({ where: { id } });
}

/** The sweep's part: emails left queued for a while (their sender died, or the database failed it) are sent now, oldest first. */
export async function sendLostEmails(now = new Date()): Promise<number> {
  const lost = await db.email.findMany({
    where: {
      status: "queued",
      createdAt: { lt: new Date(now.getTime() - lostAfterMs) },
      OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(now.getTime() - claimLeaseMs) } }],
    },
    orderBy: { createdAt: "asc" },
    take: sweepBatch,
    select: { id: true },
  });
  return (
    await sendQueuedEmails(
      lost.map((email) => email.id),
      now,
    )
  ).length;
}
