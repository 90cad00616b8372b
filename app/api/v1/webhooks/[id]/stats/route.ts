import "server-only";
import { statsQuery, webhookStats } from "@/lib/history/stats";
import { parseQuery } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";

/** Success and latency of a webhook's attempts over 24 h, 7 d or 30 d, for the dashboard's charts. */
export const GET = withOrg<{ id: string }>(
  async (request, { org, params }) => json(await webhookStats(org.id, params.id, parseQuery(request, statsQuery).range)),
  { permission: "deliveries:read" },
);
