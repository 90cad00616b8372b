import "server-only";
import { recoverDeliveries } from "@/lib/engine/retry";
import { route } from "@/lib/http/route";
import { deliveryOperations as api } from "@/lib/openapi/operations/deliveries";

/** Re-sends every failed delivery since `since`, in the background: 202 with how many were queued. */
export const POST = route(api.recoverWebhookDeliveries, async ({ org, actor, params, body }) =>
  recoverDeliveries(org.id, actor, params.id, new Date(body.since)),
);
