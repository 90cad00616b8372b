import "server-only";
import { testUnsavedTarget } from "@/lib/engine/probe";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { testWebhookInput } from "@/lib/webhooks/schemas";

/** CodeScoring's "Test it": sends the `test` trigger with an empty payload before anything is saved. */
export const POST = withOrg(async (request) => json(await testUnsavedTarget(await parseJsonBody(request, testWebhookInput))), {
  permission: "webhooks:write",
});
