import "server-only";
import { AppError } from "@/lib/http/errors";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import {
  codescoringPatchInput,
  codescoringTestInput,
  codescoringWebhookInput,
  createCodescoringWebhook,
  deleteCodescoringWebhook,
  getCodescoringWebhook,
  listCodescoringTriggers,
  listCodescoringWebhooks,
  refreshCodescoringWebhook,
  testCodescoringTarget,
  updateCodescoringWebhook,
} from "@/lib/webhooks/codescoring-api";

/*
 * CodeScoring's webhook API (seed 000), every path as the seed writes it, with or without the
 * trailing slash (proxy.ts serves the slashed spelling here without a redirect):
 *   GET, POST  /api/settings/webhooks/            list, create
 *   POST       /api/settings/webhooks/test/       test a URL before saving
 *   GET        /api/settings/webhooks/triggers/   the trigger catalog
 *   GET, PUT, PATCH, DELETE /api/settings/webhooks/{id}/
 *   POST       /api/settings/webhooks/{id}/refresh_availability_status/
 * Documented beside the native API in the OpenAPI document (lib/openapi/routes.ts).
 */

type Params = { path?: string[] };

/** The path after /api/settings/webhooks, without empty segments (a trailing slash). */
const segments = (params: Params) => (params.path ?? []).filter(Boolean);
const noRoute = () => new AppError("not_found", "No such API route.");

export const GET = withOrg<Params>(
  async (_request, { org, params }) => {
    const [first, ...rest] = segments(params);
    if (first === undefined) return json(await listCodescoringWebhooks(org.id));
    if (rest.length > 0) throw noRoute();
    if (first === "triggers") return json(await listCodescoringTriggers(org.id));
    return json(await getCodescoringWebhook(org.id, first));
  },
  { permission: "webhooks:read" },
);

export const POST = withOrg<Params>(
  async (request, { org, actor, params }) => {
    const [first, ...rest] = segments(params);
    if (first === undefined) return json(await createCodescoringWebhook(org.id, actor, await parseJsonBody(request, codescoringWebhookInput)), { status: 201 });
    if (first === "test" && rest.length === 0) return json(await testCodescoringTarget(await parseJsonBody(request, codescoringTestInput)));
    if (rest.length === 1 && rest[0] === "refresh_availability_status") return json(await refreshCodescoringWebhook(org.id, first));
    throw noRoute();
  },
  { permission: "webhooks:write" },
);

const oneWebhook = (params: Params): string => {
  const [id, ...rest] = segments(params);
  if (id === undefined || rest.length > 0 || id === "test" || id === "triggers") throw noRoute();
  return id;
};

export const PUT = withOrg<Params>(
  async (request, { org, actor, params }) => json(await updateCodescoringWebhook(org.id, actor, oneWebhook(params), await parseJsonBody(request, codescoringWebhookInput), "replace")),
  { permission: "webhooks:write" },
);

export const PATCH = withOrg<Params>(
  async (request, { org, actor, params }) => json(await updateCodescoringWebhook(org.id, actor, oneWebhook(params), await parseJsonBody(request, codescoringPatchInput), "merge")),
  { permission: "webhooks:write" },
);

export const DELETE = withOrg<Params>(
  async (_request, { org, actor, params }) => {
    await deleteCodescoringWebhook(org.id, actor, oneWebhook(params));
    return new Response(null, { status: 204 });
  },
  { permission: "webhooks:write" },
);
