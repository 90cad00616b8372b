import "server-only";
import { db } from "@/lib/db";
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

function redact(text: string, secrets: string[] = []): string {
  return secrets.filter(Boolean).reduce((result, secret) => result.replaceAll(secret, "[redacted]"), text);
}

/**
 * Stores the email in the outbox first (with its secrets blanked), then hands it to SMTP and
 * records the outcome, so every email the hub meant to send is visible with its status even when
 * the SMTP server is down, and a database reader cannot use a sign-in or invitation link.
 */
export async function sendEmail(email: OutgoingEmail) {
  const row = await db.email.create({
    data: {
      orgId: email.orgId,
      kind: email.kind,
      to: email.to,
      subject: email.subject,
      text: redact(email.text, email.secrets),
      html: email.html ? redact(email.html, email.secrets) : undefined,
    },
  });
  const transport = mailTransport();
  if (!transport) {
    return db.email.update({ where: { id: row.id }, data: { status: "failed", error: "SMTP_URL is not configured." } });
  }
  try {
    await transport.sendMail({
      from: env.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
    });
    return db.email.update({ where: { id: row.id }, data: { status: "sent", sentAt: new Date() } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error({ emailId: row.id, reason }, "Sending an email failed");
    return db.email.update({ where: { id: row.id }, data: { status: "failed", error: reason.slice(0, 500) } });
  }
}
