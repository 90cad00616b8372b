import "server-only";
import { countReplayable, replayFailedDeliveries } from "@/lib/engine/replay";
import { route } from "@/lib/http/route";
import { eventOperations as api } from "@/lib/openapi/operations/events";

export const GET = route(api.countReplayableDeliveries, async ({ org, query }) => ({
  deliveries: await countReplayable(org.id, query),
}));

/** Bulk retry from the event log: the failed deliveries of the matching events, sent once more in the background. */
export const POST = route(api.replayDeliveries, async ({ org, actor, body }) =>
  replayFailedDeliveries(org.id, actor, body),
);
