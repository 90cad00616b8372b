import "server-only";
import { db } from "@/lib/db";
import { inFlightLeaseMs } from "@/lib/engine/attempt";
import { claimWebhooksToWake, dispatchStoredEvents, wakeWebhooks } from "@/lib/engine/outbox";
import { utc } from "@/lib/utc";

// A delivery overdue by this much has no run on its way: the one meant for it was lost.
const overdueMs = 30_000;

/**
 * What the outbox and the runs would have done had nothing failed: events stored while a process
 * died or Inngest was down are fanned out; a webhook whose deliveries are overdue, or were left
 * "sending" by a run that died, with no run draining it, gets one; and held deliveries of a webhook
 * that is no longer paused (an event fanned out while it was being resumed) fall due. Runs as a
 * cron and once when a server starts.
 */
export async function sweepEngine(now = new Date()): Promise<{ woken: number }> {
  await dispatchStoredEvents();
  await db.$executeRaw`
    UPDATE "Delivery" d SET status = 'pending', "nextAttemptAt" = ${utc(now)}::timestamp, "updatedAt" = ${utc(now)}::timestamp
    FROM "Webhook" w WHERE w.id = d."webhookId" AND d.status = 'held' AND w.status IN ('active', 'failing')`;
  const overdue = await db.$queryRaw<{ webhookId: string }[]>`
    SELECT DISTINCT "webhookId" FROM "Delivery"
    WHERE (status IN ('pending', 'retrying') AND "nextAttemptAt" < ${utc(new Date(now.getTime() - overdueMs))}::timestamp)
       OR (status = 'sending' AND "updatedAt" < ${utc(new Date(now.getTime() - inFlightLeaseMs))}::timestamp)`;
  const toWake = await db.$transaction((tx) =>
    claimWebhooksToWake(
      tx,
      overdue.map((row) => row.webhookId),
      now,
    ),
  );
  await wakeWebhooks(toWake);
  return { woken: toWake.length };
}
