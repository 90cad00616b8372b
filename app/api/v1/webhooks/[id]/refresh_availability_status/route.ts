import { withOrg } from "@/lib/http/with-org";
import { deliveryNotAvailable } from "@/lib/webhooks/pending-delivery";
import { getWebhook } from "@/lib/webhooks/webhooks";

/** CodeScoring's "refresh availability status": probes a disabled webhook; a 2xx re-enables it. */
export const POST = withOrg<{ id: string }>(
  async (_request, { org, params }) => {
    await getWebhook(org.id, params.id);
    return deliveryNotAvailable("Refreshing availability");
  },
  { permission: "webhooks:write" },
);
