import "server-only";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { patchWebhookInput, replaceWebhookInput } from "@/lib/webhooks/schemas";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/webhooks";

type Params = { id: string };

export const GET = withOrg<Params>(async (_request, { org, params }) => json(await getWebhook(org.id, params.id)), {
  permission: "webhooks:read",
});

// PUT replaces every setting; PATCH merges onto the stored webhook. Both validate the whole result.
export const PUT = withOrg<Params>(
  async (request, { org, actor, params }) => json(await updateWebhook(org.id, actor, params.id, await parseJsonBody(request, replaceWebhookInput), "replace")),
  { permission: "webhooks:write" },
);

export const PATCH = withOrg<Params>(
  async (request, { org, actor, params }) => json(await updateWebhook(org.id, actor, params.id, await parseJsonBody(request, patchWebhookInput), "merge")),
  { permission: "webhooks:write" },
);

export const DELETE = withOrg<Params>(
  async (_request, { org, actor, params }) => {
    await deleteWebhook(org.id, actor, params.id);
    return new Response(null, { status: 204 });
  },
  { permission: "webhooks:write" },
);
