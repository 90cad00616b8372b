import "server-only";
import { createGroupCommit } from "@/lib/events/group-commit";
import { keyReused, type EventRow, type Published } from "@/lib/events/insert-events";
import { preparedOrThrow } from "@/lib/events/prepare-event";
import type { PublishEventInput } from "@/lib/events/schemas";
import { storeEvents } from "@/lib/events/store-events";

export type { Published } from "@/lib/events/insert-events";

// One statement stores at most this many rows: a batch's worth.
const maxGroupSize = 1_000;

// One group commit per org: an org whose fan-out waits (on its own webhooks) holds up no other org.
const submit = createGroupCommit((rows: EventRow[]) => storeEvents(rows, { refuseReusedKeys: false }), maxGroupSize);

/**
 * Accept → persist and fan out → wake. The row and its deliveries are committed in one transaction
 * (together with those of concurrent requests) before the caller hears 202; the webhooks that
 * gained work are woken after it, so a crash or an Inngest outage after that point loses nothing:
 * the sweeper wakes them later.
 */
export async function publishEvent(orgId: string, input: PublishEventInput): Promise<Published> {
  const published = await submit(orgId, await preparedOrThrow(orgId, input));
  if (published.keyReused)
    throw keyReused([
      { path: "idempotencyKey", message: `Already used for event ${published.id}, with another request.` },
    ]);
  return published;
}
