import "server-only";
import { retryDelivery } from "@/lib/engine/retry";
import { route } from "@/lib/http/route";
import { deliveryOperations as api } from "@/lib/openapi/operations/deliveries";

/** Sends the delivery once more, now, and answers with that attempt. */
export const POST = route(api.retryDelivery, async ({ org, actor, params }) => retryDelivery(org.id, actor, params.id));
