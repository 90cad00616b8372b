import "server-only";
import { db } from "@/lib/db";
import { claimWebhooksToWake, dispatchStoredEvents, wakeWebhooks, type WebhookToWake } from "@/lib/engine/outbox";
import { inFlightLeaseMs, lostRunAfterMs } from "@/lib/engine/run-leases";
import { sendLostJobs } from "@/lib/jobs/job-outbox";
import { sendLostEmails } from "@/lib/mail/send";
import { sql, sqlTransaction } from "@/lib/sql";
import { utc } from "@/lib/utc";

/**
 * What the outbox and the runs would have done had nothing failed: events stored while a process
 * died or Inngest was down are fanned out; a webhook whose deliveries are overdue, or were left
 * "sending" by a run that died, with no run draining it (or claimed by a process that died before
 * it started the run), gets one; and held deliveries of a webhook
 * that is no longer paused (an event fanned out while it was being resumed) fall due; follow-up
 * jobs and emails a change queued but could not send (an activation test event, an invitation) go.
 * Runs as a cron and once when a server starts.
 */
export async function sweepEngine(now = new Date()): Promise<{ woken: number }> {
  await dispatchStoredEvents();
  await sendLostJobs(now);
  await sendLostEmails(now);
  await db.$executeRaw`
    UPDATE "Delivery" d SET status = 'pending', "nextAttemptAt" = ${utc(now)}::timestamp, "updatedAt" = ${utc(now)}::timestamp
    FROM "Webhook" w WHERE w.id = d."webhookId" AND d.status = 'held' AND w.status IN ('active', 'failing')`;
  const overdue = await db.$queryRaw<{ webhookId: string }[]>`
    SELECT DISTINCT "webhookId" FROM "Delivery"
    WHERE (status IN ('pending', 'retrying') AND "nextAttemptAt" < ${utc(new Date(now.getTime() - lostRunAfterMs))}::timestamp)
       OR (status = 'sending' AND "updatedAt" < ${utc(new Date(now.getTime() - inFlightLeaseMs))}::timestamp)`;
  const overdueIds = overdue.map((row) => row.webhookId);
  const claimed = await sqlTransaction((tx) => claimWebhooksToWake(tx, overdueIds, now));
  // Claimed for a while with work overdue and nothing in flight: the process that claimed it may
  // have died before it started the run. The same event id again starts that run, or is dropped as
  // a duplicate by Inngest if it did start. A live run refreshes the claim every round and holds
  // its round's deliveries "sending", so a long round is not mistaken for a lost one.
  const unstarted = await sql.$queryRaw<WebhookToWake[]>`
    SELECT w.id AS "webhookId", w."orgId", w."drainingSince" AS since FROM "Webhook" w
    WHERE w.id = ANY(${overdueIds.filter((id) => !claimed.some((webhook) => webhook.webhookId === id))}::text[])
      AND w."drainingSince" < ${utc(new Date(now.getTime() - lostRunAfterMs))}::timestamp
      AND NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."webhookId" = w.id AND d.status = 'sending'
                      AND d."updatedAt" >= ${utc(new Date(now.getTime() - inFlightLeaseMs))}::timestamp)`;
  const toWake = [...claimed, ...unstarted];
  await wakeWebhooks(toWake);
  return { woken: toWake.length };
}
