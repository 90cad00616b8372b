import "server-only";
import { replaySelectedDeliveries } from "@/lib/engine/replay-selected";
import { route } from "@/lib/http/route";
import { deliveryOperations as api } from "@/lib/openapi/operations/deliveries";

/** Retry selected, from the event log: the chosen deliveries sent once more in the background. */
export const POST = route(api.replaySelectedDeliveries, async ({ org, actor, body }) =>
  replaySelectedDeliveries(org.id, actor, body.deliveryIds),
);
