import "server-only";
import { getDelivery } from "@/lib/history/history";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";

export const GET = withOrg<{ id: string }>(async (_request, { org, params }) => json(await getDelivery(org.id, params.id)), {
  permission: "deliveries:read",
});
