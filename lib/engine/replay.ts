import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { claimWebhooksToWake, wakeWebhooks } from "@/lib/engine/outbox";
import { matching } from "@/lib/events/events";
import type { EventFilter } from "@/lib/events/schemas";
import { utc } from "@/lib/utc";

/** The failed deliveries (not tests) carrying an event of the org that matches the search. */
const failedDeliveriesOf = (orgId: string, filter: EventFilter) => Prisma.sql`
  SELECT DISTINCT de."deliveryId" AS id FROM "Event" e JOIN "DeliveryEvent" de ON de."eventId" = e.id
  JOIN "Delivery" d ON d.id = de."deliveryId"
  WHERE ${matching(orgId, filter)} AND d."orgId" = ${orgId} AND d.status = 'failed' AND d."isTest" = false`;

/** How many deliveries a bulk replay of this search would send again: what its confirmation says. */
export async function countReplayable(orgId: string, filter: EventFilter): Promise<number> {
  const [row] = await db.$queryRaw<[{ count: number }]>`
    SELECT count(*)::int AS count FROM (${failedDeliveriesOf(orgId, filter)}) failed`;
  return row.count;
}

/**
 * Hookdeck's bulk retry, Svix's recover across webhooks: every failed delivery of the events
 * matching the event log's search is sent once more, in the background. One statement queues them
 * all for their webhooks' runs, which send them in rounds like any other due work (a webhook's
 * rate limit and pacing hold); a second submit finds nothing failed left to queue. What it queued
 * is audited, with the search, in the same transaction.
 */
export async function replayFailedDeliveries(
  orgId: string,
  actor: Actor,
  filter: EventFilter,
): Promise<{ requeued: number }> {
  const now = new Date();
  const { requeued, toWake } = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ webhookId: string }[]>`
      UPDATE "Delivery" d SET status = 'retrying', "resendOnce" = true, "nextAttemptAt" = ${utc(now)}::timestamp, "updatedAt" = ${utc(now)}::timestamp
      FROM (${failedDeliveriesOf(orgId, filter)}) failed
      WHERE d.id = failed.id AND d.status = 'failed'
      RETURNING d."webhookId"`;
    if (rows.length > 0)
      await recordAudit(
        orgId,
        actor,
        "delivery.replayed",
        { type: "delivery", id: null },
        { deliveries: rows.length, search: { ...filter } },
        tx,
      );
    const webhookIds = [...new Set(rows.map((row) => row.webhookId))];
    return { requeued: rows.length, toWake: await claimWebhooksToWake(tx, webhookIds, now) };
  });
  await wakeWebhooks(toWake);
  return { requeued };
}
