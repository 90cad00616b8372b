import "server-only";
import { route } from "@/lib/http/route";
import { webhookOperations as api } from "@/lib/openapi/operations/webhooks";
import { createWebhook, listWebhooks } from "@/lib/webhooks/webhooks";

export const GET = route(api.listWebhooks, async ({ org, query }) => listWebhooks(org.id, query));

export const POST = route(api.createWebhook, async ({ org, actor, body }) => createWebhook(org.id, actor, body));
