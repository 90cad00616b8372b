import "server-only";
import { db } from "@/lib/db";

export interface EngineLag {
  /** Age of the oldest event not yet handed to the engine (0 when there is none). */
  oldestUndispatchedEventAgeMs: number;
  /** How long the oldest due pending or retrying delivery has waited past its next attempt time (0 when none). */
  oldestDueDeliveryAgeMs: number;
}

const ageMs = (since: Date | null, now: Date) => (since ? Math.max(0, now.getTime() - since.getTime()) : 0);

/**
 * How far the delivery engine is behind: the two ages that grow when it stalls. Across all orgs
 * by default (health, metrics); pass an org id for one org's view.
 */
export async function engineLag({ now = new Date(), orgId }: { now?: Date; orgId?: string } = {}): Promise<EngineLag> {
  const [events, deliveries] = await Promise.all([
    db.event.aggregate({ _min: { createdAt: true }, where: { orgId, dispatchedAt: null } }),
    db.delivery.aggregate({
      _min: { nextAttemptAt: true },
      where: { orgId, status: { in: ["pending", "retrying"] }, nextAttemptAt: { lte: now } },
    }),
  ]);
  return {
    oldestUndispatchedEventAgeMs: ageMs(events._min.createdAt, now),
    oldestDueDeliveryAgeMs: ageMs(deliveries._min.nextAttemptAt, now),
  };
}
