import "server-only";
import { dispatchStoredEvents } from "@/lib/engine/outbox";
import { createGroupCommit } from "@/lib/events/group-commit";
import { insertEvents, keyReused, type EventRow, type Published } from "@/lib/events/insert-events";
import { preparedOrThrow } from "@/lib/events/prepare-event";
import type { PublishEventInput } from "@/lib/events/schemas";
import { logger } from "@/lib/observability/logger";
import { countEventsAccepted } from "@/lib/observability/metrics";

export type { Published } from "@/lib/events/insert-events";

// One statement stores at most this many rows: a batch's worth.
const maxGroupSize = 1_000;

/**
 * Stores the rows, then hands them to the outbox. Once the INSERT has committed nothing may turn
 * the answer into an error: accepted means committed, and a 5xx would invite a duplicate publish.
 */
async function commitEvents(rows: EventRow[]): Promise<Published[]> {
  const published = await insertEvents(rows);
  try {
    countEventsAccepted(published.filter((event) => !event.replayed).length);
    void dispatchStoredEvents();
  } catch (error) {
    logger.warn(
      { err: error },
      "After storing events, counting or dispatching them failed; the sweeper dispatches them",
    );
  }
  return published;
}

const submit = createGroupCommit(commitEvents, maxGroupSize);

/**
 * Accept → persist → dispatch. The row is committed (together with those of concurrent requests)
 * before the caller hears 202; the outbox then fans it out in the background, so a crash or an
 * Inngest outage after that point loses nothing: the sweeper dispatches it later.
 */
export async function publishEvent(orgId: string, input: PublishEventInput): Promise<Published> {
  const published = await submit(await preparedOrThrow(orgId, input));
  if (published.keyReused)
    throw keyReused([
      { path: "idempotencyKey", message: `Already used for event ${published.id}, with another request.` },
    ]);
  return published;
}
