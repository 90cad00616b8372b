import "server-only";
import { webhookStats } from "@/lib/history/stats";
import { route } from "@/lib/http/route";
import { deliveryOperations as api } from "@/lib/openapi/operations/deliveries";

/** Success and latency of a webhook's attempts over 24 h, 7 d or 30 d, for the dashboard's charts. */
export const GET = route(api.getWebhookStats, async ({ org, params, query }) =>
  webhookStats(org.id, params.id, query.range),
);
