import { parseJsonBody } from "@/lib/http/body";
import { withOrg } from "@/lib/http/with-org";
import { deliveryNotAvailable } from "@/lib/webhooks/pending-delivery";
import { testWebhookInput } from "@/lib/webhooks/schemas";

/** CodeScoring's "Test it": sends the `test` trigger with an empty payload before anything is saved. */
export const POST = withOrg(
  async (request) => {
    await parseJsonBody(request, testWebhookInput);
    return deliveryNotAvailable("Testing a URL");
  },
  { permission: "webhooks:write" },
);
