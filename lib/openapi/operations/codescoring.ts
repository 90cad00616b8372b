import { z } from "zod";
import { probeOutput } from "@/lib/history/schemas";
import { defineOperations, idParam } from "@/lib/openapi/operation";
import {
  codescoringPatchInput,
  codescoringTestInput,
  codescoringTriggerOutput,
  codescoringWebhookInput,
  codescoringWebhookOutput,
} from "@/lib/webhooks/codescoring-api";

/** CodeScoring's webhook API (seed 000) at its own paths, served by app/api/settings/webhooks/[[...path]]. */
export const codescoringBasePath = "/api/settings/webhooks";

/** Published under `components.schemas` by these names. */
export const codescoringSchemas = {
  CodeScoringWebhook: codescoringWebhookOutput,
  CodeScoringWebhookList: z.array(codescoringWebhookOutput),
  CodeScoringWebhookInput: codescoringWebhookInput,
  CodeScoringPatchInput: codescoringPatchInput,
  CodeScoringTestInput: codescoringTestInput,
  CodeScoringTriggerList: z.array(codescoringTriggerOutput),
  CodeScoringRefreshResult: z.object({ webhook: codescoringWebhookOutput, result: probeOutput }),
};

const s = codescoringSchemas;
const tag = "CodeScoring-compatible API";

export const codescoringOperations = defineOperations({
  codescoringListWebhooks: {
    method: "GET",
    path: "/api/settings/webhooks",
    tag,
    permission: "webhooks:read",
    summary: "Get a list of all webhooks",
    description: "The org's CodeScoring webhooks, oldest first, as a plain array.",
    outcome: { status: 200, description: "Every CodeScoring webhook.", schema: s.CodeScoringWebhookList },
  },
  codescoringCreateWebhook: {
    method: "POST",
    path: "/api/settings/webhooks",
    tag,
    permission: "webhooks:write",
    summary: "Create a new webhook",
    body: s.CodeScoringWebhookInput,
    conflict: "`limit_reached`: the organization already has the most webhooks allowed.",
    outcome: { status: 201, description: "The new webhook, delivering at once.", schema: s.CodeScoringWebhook },
  },
  codescoringTestWebhook: {
    method: "POST",
    path: "/api/settings/webhooks/test",
    tag,
    permission: "webhooks:write",
    summary: "Test the connection",
    description:
      "Sends the `test` trigger with an empty payload, in the CodeScoring format with the token, to a URL nobody has saved yet.",
    body: s.CodeScoringTestInput,
    outcome: { status: 200, description: "What the URL answered.", schema: probeOutput },
  },
  codescoringListTriggers: {
    method: "GET",
    path: "/api/settings/webhooks/triggers",
    tag,
    permission: "webhooks:read",
    summary: "Get a list of available triggers",
    outcome: { status: 200, description: "Each trigger value with its event name.", schema: s.CodeScoringTriggerList },
  },
  codescoringGetWebhook: {
    method: "GET",
    path: "/api/settings/webhooks/{id}",
    tag,
    permission: "webhooks:read",
    summary: "Get information by ID",
    pathParams: idParam("webhook"),
    outcome: { status: 200, description: "The webhook.", schema: s.CodeScoringWebhook },
  },
  codescoringReplaceWebhook: {
    method: "PUT",
    path: "/api/settings/webhooks/{id}",
    tag,
    permission: "webhooks:write",
    summary: "Completely update data",
    description: "Replaces name, URL, projects and events (left out: all); the token is kept unless sent.",
    pathParams: idParam("webhook"),
    body: s.CodeScoringWebhookInput,
    outcome: { status: 200, description: "The updated webhook.", schema: s.CodeScoringWebhook },
  },
  codescoringUpdateWebhook: {
    method: "PATCH",
    path: "/api/settings/webhooks/{id}",
    tag,
    permission: "webhooks:write",
    summary: "Partially update data",
    pathParams: idParam("webhook"),
    body: s.CodeScoringPatchInput,
    outcome: { status: 200, description: "The updated webhook.", schema: s.CodeScoringWebhook },
  },
  codescoringDeleteWebhook: {
    method: "DELETE",
    path: "/api/settings/webhooks/{id}",
    tag,
    permission: "webhooks:write",
    summary: "Delete a webhook by ID",
    pathParams: idParam("webhook"),
    outcome: { status: 204, description: "Deleted." },
  },
  codescoringRefreshAvailability: {
    method: "POST",
    path: "/api/settings/webhooks/{id}/refresh_availability_status",
    tag,
    permission: "webhooks:write",
    summary: "Refresh the availability status",
    description: "Sends the test event; a 2xx re-enables a disabled webhook.",
    pathParams: idParam("webhook"),
    outcome: { status: 200, description: "The webhook and what its URL answered.", schema: s.CodeScoringRefreshResult },
  },
});
