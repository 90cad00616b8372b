import "server-only";
import { listDeliveries } from "@/lib/history/history";
import { deliveryListQuery } from "@/lib/history/schemas";
import { parseQuery } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";

export const GET = withOrg<{ id: string }>(
  async (request, { org, params }) => json(await listDeliveries(org.id, params.id, parseQuery(request, deliveryListQuery))),
  { permission: "deliveries:read" },
);
