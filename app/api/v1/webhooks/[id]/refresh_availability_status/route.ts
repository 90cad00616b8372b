import "server-only";
import { probeWebhook } from "@/lib/engine/probe";
import { route } from "@/lib/http/route";
import { webhookOperations as api } from "@/lib/openapi/operations/webhooks";
import { getWebhook } from "@/lib/webhooks/webhooks";

/** CodeScoring's "refresh availability status": a test event; a 2xx activates a pending webhook or re-enables a disabled one. */
export const POST = route(api.refreshWebhookAvailability, async ({ org, params }) => {
  const result = await probeWebhook(org.id, params.id);
  return { webhook: await getWebhook(org.id, params.id), result };
});
