import "server-only";
import { sendExampleEvent } from "@/lib/engine/send-example";
import { route } from "@/lib/http/route";
import { webhookOperations as api } from "@/lib/openapi/operations/webhooks";

/** Svix's "send example": a catalog trigger's example payload to this webhook, as a test delivery. */
export const POST = route(api.sendWebhookExample, async ({ org, params, body }) =>
  sendExampleEvent(org.id, params.id, body.eventType),
);
