import "server-only";
import { recoverDeliveries } from "@/lib/engine/retry";
import { recoverInput } from "@/lib/history/schemas";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";

/** Re-sends every failed delivery since `since`, in the background: 202 with how many were queued. */
export const POST = withOrg<{ id: string }>(
  async (request, { org, params }) => {
    const { since } = await parseJsonBody(request, recoverInput);
    return json(await recoverDeliveries(org.id, params.id, new Date(since)), { status: 202 });
  },
  { permission: "deliveries:write" },
);
