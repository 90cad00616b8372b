import "server-only";
import { probeAndRead } from "@/lib/engine/probe";
import { route } from "@/lib/http/route";
import { webhookOperations as api } from "@/lib/openapi/operations/webhooks";
import { getWebhook } from "@/lib/webhooks/webhooks";

/** CodeScoring's "refresh availability status": a test event; a 2xx activates a pending webhook or re-enables a disabled one. */
export const POST = route(api.refreshWebhookAvailability, async ({ org, params }) => {
  const { result, read: webhook } = await probeAndRead(org.id, params.id, (tx) => getWebhook(org.id, params.id, tx));
  return { webhook, result };
});
