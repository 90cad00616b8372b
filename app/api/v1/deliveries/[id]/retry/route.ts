import "server-only";
import { retryDelivery } from "@/lib/engine/retry";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";

/** Sends the delivery once more, now, and answers with that attempt. */
export const POST = withOrg<{ id: string }>(async (_request, { org, params }) => json(await retryDelivery(org.id, params.id)), {
  permission: "deliveries:write",
});
