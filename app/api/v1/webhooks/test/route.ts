import "server-only";
import { testUnsavedTarget } from "@/lib/engine/probe";
import { route } from "@/lib/http/route";
import { webhookOperations as api } from "@/lib/openapi/operations/webhooks";

/** CodeScoring's "Test it": sends the `test` trigger with an empty payload before anything is saved. */
export const POST = route(api.testWebhookUrl, async ({ body }) => testUnsavedTarget(body));
