import "server-only";
import { route, routes } from "@/lib/http/route";
import { codescoringBasePath, codescoringOperations as api } from "@/lib/openapi/operations/codescoring";
import {
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
 * Declared in lib/openapi/operations/codescoring.ts; `routes` picks the operation by path.
 */
export const { GET, POST, PUT, PATCH, DELETE } = routes(
  codescoringBasePath,
  route(api.codescoringListWebhooks, async ({ org }) => listCodescoringWebhooks(org.id)),
  route(api.codescoringCreateWebhook, async ({ org, actor, body }) => createCodescoringWebhook(org.id, actor, body)),
  route(api.codescoringTestWebhook, async ({ body }) => testCodescoringTarget(body)),
  route(api.codescoringListTriggers, async ({ org }) => listCodescoringTriggers(org.id)),
  route(api.codescoringGetWebhook, async ({ org, params }) => getCodescoringWebhook(org.id, params.id)),
  route(api.codescoringReplaceWebhook, async ({ org, actor, params, body }) =>
    updateCodescoringWebhook(org.id, actor, params.id, body, "replace"),
  ),
  route(api.codescoringUpdateWebhook, async ({ org, actor, params, body }) =>
    updateCodescoringWebhook(org.id, actor, params.id, body, "merge"),
  ),
  route(api.codescoringDeleteWebhook, async ({ org, actor, params }) =>
    deleteCodescoringWebhook(org.id, actor, params.id),
  ),
  route(api.codescoringRefreshAvailability, async ({ org, params }) => refreshCodescoringWebhook(org.id, params.id)),
);
