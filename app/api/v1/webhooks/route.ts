import "server-only";
import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { createWebhookInput, webhookListQuery } from "@/lib/webhooks/schemas";
import { createWebhook, listWebhooks } from "@/lib/webhooks/webhooks";

export const GET = withOrg(async (request, { org }) => json(await listWebhooks(org.id, parseQuery(request, webhookListQuery))), {
  permission: "webhooks:read",
});

export const POST = withOrg(
  async (request, { org, actor }) => json(await createWebhook(org.id, actor, await parseJsonBody(request, createWebhookInput)), { status: 201 }),
  { permission: "webhooks:write" },
);
