import "server-only";
import { route } from "@/lib/http/route";
import { webhookOperations as api } from "@/lib/openapi/operations/webhooks";
import { rotateSecret } from "@/lib/webhooks/rotate-secret";

/**
 * New signing secret, the current one still valid for 24 h; the new one is answered this once.
 * The body is optional: a bare POST (no content type) asks for a generated secret.
 */
export const POST = route(api.rotateWebhookSecret, async ({ org, actor, params, body }) =>
  rotateSecret(org.id, actor, params.id, body ?? {}),
);
