import "server-only";
import { db, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { describeFailure } from "@/lib/engine/send-attempt";
import { queueEmail, sendEmail, sendQueuedEmails } from "@/lib/mail/send";
import { failedWebhookEmail, webhookDisabledEmail } from "@/lib/mail/templates";

/** The app client or a transaction. */
type Client = Pick<Db, "member" | "webhook" | "email">;

/** The webhook's owner; a webhook without one (or whose owner left) is the org owners' concern. */
async function recipients(orgId: string, ownerId: string | null, client: Client = db): Promise<string[]> {
  const owner = ownerId
    ? await client.member.findFirst({ where: { id: ownerId, orgId }, select: { user: { select: { email: true } } } })
    : null;
  if (owner) return [owner.user.email];
  const owners = await client.member.findMany({
    where: { orgId, role: "owner" },
    select: { user: { select: { email: true } } },
  });
  return owners.map((member) => member.user.email);
}

async function webhookWithOrg(webhookId: string, client: Client = db) {
  return client.webhook.findUnique({
    where: { id: webhookId },
    select: {
      id: true,
      orgId: true,
      name: true,
      url: true,
      ownerId: true,
      statusReason: true,
      status: true,
      failingSince: true,
      org: { select: { slug: true } },
    },
  });
}

/**
 * "Your webhook was disabled", queued in the transaction that disabled it: send the returned emails
 * once it has committed (`sendQueuedEmails`); the sweep sends them if that fails.
 */
export async function queueWebhookDisabledEmails(tx: Client, webhookId: string, reason: string): Promise<string[]> {
  const webhook = await webhookWithOrg(webhookId, tx);
  if (!webhook) return [];
  const email = webhookDisabledEmail(
    webhook.name,
    webhook.url,
    reason,
    `${env.APP_URL}/${webhook.org.slug}/webhooks/${webhook.id}`,
  );
  const ids: string[] = [];
  for (const address of await recipients(webhook.orgId, webhook.ownerId, tx))
    ids.push(await queueEmail(tx, { orgId: webhook.orgId, kind: "webhook.disabled", to: address, ...email }));
  return ids;
}

/** The same, on its own: a delivery run's step, which Inngest retries until it has run once. */
export async function emailWebhookDisabled(webhookId: string, reason: string): Promise<number> {
  const ids = await db.$transaction((tx) => queueWebhookDisabledEmails(tx, webhookId, reason));
  await sendQueuedEmails(ids);
  return ids.length;
}

/**
 * The 36-hour escalation (SecurityScorecard): sent only if the incident that started at
 * `failingSince` is still going; a recovery in between ends the incident.
 */
export async function escalateIfStillFailing(webhookId: string, failingSince: string): Promise<number> {
  const webhook = await webhookWithOrg(webhookId);
  if (!webhook || webhook.status !== "failing" || webhook.failingSince?.toISOString() !== failingSince) return 0;
  const lastFailure = await db.attempt.findFirst({
    where: { success: false, delivery: { webhookId, isTest: false } },
    orderBy: { createdAt: "desc" },
    select: { responseStatus: true, errorClass: true, errorMessage: true, deliveryId: true },
  });
  const httpError = lastFailure
    ? describeFailure({
        status: lastFailure.responseStatus,
        errorClass: lastFailure.errorClass,
        errorMessage: lastFailure.errorMessage,
      })
    : (webhook.statusReason ?? "unknown");
  const email = failedWebhookEmail(webhook.name, webhook.url, httpError);
  const to = await recipients(webhook.orgId, webhook.ownerId);
  for (const address of to)
    await sendEmail({ orgId: webhook.orgId, kind: "webhook.escalation", to: address, ...email });
  if (lastFailure)
    await db.delivery.update({ where: { id: lastFailure.deliveryId }, data: { escalatedAt: new Date() } });
  return to.length;
}
