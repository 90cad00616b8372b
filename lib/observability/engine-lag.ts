import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { inFlightLeaseMs, lostRunAfterMs } from "@/lib/engine/run-leases";
import { utc } from "@/lib/utc";

export interface EngineLag {
  /** Age of the oldest event not yet handed to the engine (0 when there is none). */
  oldestUndispatchedEventAgeMs: number;
  /** How long the oldest due pending or retrying delivery has waited past its next attempt time (0 when none). */
  oldestDueDeliveryAgeMs: number;
  /**
   * The same, counting only webhooks no delivery run is working on: what a stalled engine or a
   * lost run leaves. A webhook with a round in flight, or whose run claimed it within the last
   * 30 s, is being sent to at its receiver's pace (a hanging or rate-limited receiver keeps a
   * backlog): that backlog is its receiver's, not the engine's.
   */
  oldestUnattendedDeliveryAgeMs: number;
}

const ageMs = (since: Date | null, now: Date) => (since ? Math.max(0, now.getTime() - since.getTime()) : 0);

/**
 * The oldest due time of any delivery, and of any delivery of a webhook without a live run. One
 * pass over the due deliveries (an index-only scan, about 50 ms for 230,000 of them) against the
 * few webhooks a run is on: it grows with the backlog, as the sweep's own scan does, not with the
 * number of webhooks.
 */
async function oldestDue(now: Date, orgId: string | undefined): Promise<{ any: Date | null; unattended: Date | null }> {
  const [row] = await db.$queryRaw<[{ any: Date | null; unattended: Date | null }]>`
    WITH attended AS (
      SELECT id FROM "Webhook" WHERE "drainingSince" >= ${utc(new Date(now.getTime() - lostRunAfterMs))}::timestamp
      UNION
      SELECT "webhookId" FROM "Delivery" WHERE status = 'sending' AND "updatedAt" >= ${utc(new Date(now.getTime() - inFlightLeaseMs))}::timestamp
    )
    SELECT min(d."nextAttemptAt") AS any,
           min(d."nextAttemptAt") FILTER (WHERE NOT EXISTS (SELECT 1 FROM attended a WHERE a.id = d."webhookId")) AS unattended
    FROM "Delivery" d
    WHERE d.status IN ('pending', 'retrying') AND d."nextAttemptAt" <= ${utc(now)}::timestamp
      ${orgId ? Prisma.sql`AND d."orgId" = ${orgId}` : Prisma.empty}`;
  return row;
}

/**
 * How far the delivery engine is behind: the ages that grow when it stalls. Across all orgs
 * by default (health, metrics); pass an org id for one org's view.
 */
export async function engineLag({ now = new Date(), orgId }: { now?: Date; orgId?: string } = {}): Promise<EngineLag> {
  const [events, due] = await Promise.all([
    db.event.aggregate({ _min: { createdAt: true }, where: { orgId, dispatchedAt: null } }),
    oldestDue(now, orgId),
  ]);
  return {
    oldestUndispatchedEventAgeMs: ageMs(events._min.createdAt, now),
    oldestDueDeliveryAgeMs: ageMs(due.any, now),
    oldestUnattendedDeliveryAgeMs: ageMs(due.unattended, now),
  };
}
