import "server-only";
import { sqlTransaction } from "@/lib/sql";
import { fanOutInTransaction, wakeWebhooks } from "@/lib/engine/outbox";
import { insertEvents, keyReused, type EventRow, type Published } from "@/lib/events/insert-events";
import { logger } from "@/lib/observability/logger";
import { countEventsAccepted } from "@/lib/observability/metrics";

export interface StoreOptions {
  /**
   * A batch is one request: a reused key refuses all of it (the default). Concurrent single
   * publishes share a transaction but not a fate: each reused key fails only its own request.
   */
  refuseReusedKeys?: boolean;
}

/**
 * Stores events already handed over: one INSERT, then their fan-out, in one transaction, and the
 * webhooks that gained work are woken after the commit. Marking rows dispatched afterwards (the
 * outbox's way) would write every row twice, and `dispatchedAt` is indexed, so each such update
 * also leaves a dead index entry for the outbox's next scan to step over. Once the transaction has
 * committed nothing may fail the answer: accepted means committed, and a 5xx would invite a duplicate.
 */
export async function storeEvents(
  rows: EventRow[],
  { refuseReusedKeys = true }: StoreOptions = {},
): Promise<Published[]> {
  const now = new Date();
  const { published, toWake } = await sqlTransaction(async (tx) => {
    const published = await insertEvents(rows, { client: tx, now, dispatched: true });
    // A reused key refuses the whole batch: the transaction rolls back, nothing is stored.
    const reused = published.flatMap((event, index) =>
      event.keyReused
        ? [{ path: `${index}.idempotencyKey`, message: `Already used for event ${event.id}, with another request.` }]
        : [],
    );
    if (refuseReusedKeys && reused.length > 0) throw keyReused(reused);
    const stored = rows.filter((row, index) => published[index]!.id === row.id).map((row) => row.id);
    return { published, toWake: await fanOutInTransaction(tx, stored, now) };
  });
  try {
    countEventsAccepted(published.filter((event) => !event.replayed).length);
    void wakeWebhooks(toWake);
  } catch (error) {
    logger.warn(
      { err: error },
      "After storing events, counting them or waking their webhooks failed; the sweeper wakes them",
    );
  }
  return published;
}
