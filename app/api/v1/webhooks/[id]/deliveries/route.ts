import "server-only";
import { listDeliveries } from "@/lib/history/history";
import { route } from "@/lib/http/route";
import { deliveryOperations as api } from "@/lib/openapi/operations/deliveries";

export const GET = route(api.listWebhookDeliveries, async ({ org, params, query }) =>
  listDeliveries(org.id, params.id, query),
);
