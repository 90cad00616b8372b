import "server-only";
import { route } from "@/lib/http/route";
import { webhookOperations as api } from "@/lib/openapi/operations/webhooks";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/webhooks";

export const GET = route(api.getWebhook, async ({ org, params }) => getWebhook(org.id, params.id));

// PUT replaces every setting; PATCH merges onto the stored webhook. Both validate the whole result.
export const PUT = route(api.replaceWebhook, async ({ org, actor, params, body }) =>
  updateWebhook(org.id, actor, params.id, body, "replace"),
);

export const PATCH = route(api.updateWebhook, async ({ org, actor, params, body }) =>
  updateWebhook(org.id, actor, params.id, body, "merge"),
);

export const DELETE = route(api.deleteWebhook, async ({ org, actor, params }) =>
  deleteWebhook(org.id, actor, params.id),
);
