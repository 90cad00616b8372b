import { z } from "zod";
import { probeOutput } from "@/lib/history/schemas";
import { defineOperations, idParam, pageOf } from "@/lib/openapi/operation";
import {
  createdWebhookOutput,
  createWebhookInput,
  patchWebhookInput,
  replaceWebhookInput,
  rotatedSecretOutput,
  rotateSecretInput,
  sendExampleInput,
  testWebhookInput,
  webhookListQuery,
  webhookOutput,
} from "@/lib/webhooks/schemas";

/** Published under `components.schemas` by these names. */
export const webhookSchemas = {
  Webhook: webhookOutput,
  WebhookPage: pageOf(webhookOutput),
  WebhookInput: createWebhookInput,
  ReplaceWebhookInput: replaceWebhookInput,
  PatchWebhookInput: patchWebhookInput,
  TestWebhookInput: testWebhookInput,
  CreatedWebhook: createdWebhookOutput,
  RotateSecretInput: rotateSecretInput,
  RotatedSecret: rotatedSecretOutput,
  ProbeResult: probeOutput,
  RefreshResult: z.object({ webhook: webhookOutput, result: probeOutput }),
  SendExampleInput: sendExampleInput,
  SentExample: z.object({
    deliveryId: z.string().describe("The test delivery in the webhook's history."),
    eventType: z.string(),
    result: probeOutput,
  }),
};

const s = webhookSchemas;
const limitOnMove = "`limit_reached`: moving the webhook would exceed a webhook limit.";

export const webhookOperations = defineOperations({
  listWebhooks: {
    method: "GET",
    path: "/api/v1/webhooks",
    tag: "Webhooks",
    permission: "webhooks:read",
    summary: "List webhooks",
    description: "Filter by project, status or trigger.",
    query: webhookListQuery,
    outcome: { status: 200, description: "A page of webhooks, newest first.", schema: s.WebhookPage },
  },
  createWebhook: {
    method: "POST",
    path: "/api/v1/webhooks",
    tag: "Webhooks",
    permission: "webhooks:write",
    summary: "Create a webhook",
    description:
      'Settings left out take the chosen format\'s defaults. `secret` and `token` are write-only: responses say only whether they are set. A `standard` webhook created without `secret` gets a generated `whsec_…` secret, answered once as `secret`; send `"secret": null` for an unsigned one.',
    body: s.WebhookInput,
    conflict: "`limit_reached`: the project or organization already has the most webhooks allowed.",
    outcome: {
      status: 201,
      description: "The new webhook, with `secret` when the hub generated it.",
      schema: s.CreatedWebhook,
    },
  },
  testWebhookUrl: {
    method: "POST",
    path: "/api/v1/webhooks/test",
    tag: "Webhooks",
    permission: "webhooks:write",
    summary: "Send a test event to a URL before saving",
    description: "Validates the target and signing settings, then sends the `test` trigger with an empty payload.",
    body: s.TestWebhookInput,
    outcome: {
      status: 200,
      description:
        "What the URL answered: status, latency and the start of the body, or why nothing came back. Nothing is stored.",
      schema: s.ProbeResult,
    },
  },
  getWebhook: {
    method: "GET",
    path: "/api/v1/webhooks/{id}",
    tag: "Webhooks",
    permission: "webhooks:read",
    summary: "Get a webhook",
    pathParams: idParam("webhook"),
    outcome: { status: 200, description: "The webhook.", schema: s.Webhook },
  },
  replaceWebhook: {
    method: "PUT",
    path: "/api/v1/webhooks/{id}",
    tag: "Webhooks",
    permission: "webhooks:write",
    summary: "Replace a webhook's settings",
    description:
      "Every setting is replaced; omitted ones return to their defaults. Omit `secret`/`token` to keep them, send null to clear them. Omit `format` to keep the webhook's format.",
    pathParams: idParam("webhook"),
    body: s.ReplaceWebhookInput,
    conflict: limitOnMove,
    outcome: { status: 200, description: "The updated webhook.", schema: s.Webhook },
  },
  updateWebhook: {
    method: "PATCH",
    path: "/api/v1/webhooks/{id}",
    tag: "Webhooks",
    permission: "webhooks:write",
    summary: "Change some of a webhook's settings",
    description: "The fields sent are merged onto the stored webhook, and the result is validated as a whole.",
    pathParams: idParam("webhook"),
    body: s.PatchWebhookInput,
    conflict: limitOnMove,
    outcome: { status: 200, description: "The updated webhook.", schema: s.Webhook },
  },
  deleteWebhook: {
    method: "DELETE",
    path: "/api/v1/webhooks/{id}",
    tag: "Webhooks",
    permission: "webhooks:write",
    summary: "Delete a webhook",
    pathParams: idParam("webhook"),
    outcome: { status: 204, description: "Deleted." },
  },
  refreshWebhookAvailability: {
    method: "POST",
    path: "/api/v1/webhooks/{id}/refresh_availability_status",
    tag: "Webhooks",
    permission: "webhooks:write",
    summary: "Send the webhook its test event",
    description:
      "A 2xx answer activates a pending webhook and re-enables a disabled one. The probe is recorded in the delivery history.",
    pathParams: idParam("webhook"),
    outcome: {
      status: 200,
      description: "The webhook after the probe, and what its URL answered.",
      schema: s.RefreshResult,
    },
  },
  sendWebhookExample: {
    method: "POST",
    path: "/api/v1/webhooks/{id}/send_example",
    tag: "Webhooks",
    permission: "webhooks:write",
    summary: "Send the webhook an example event",
    description:
      "Sends one trigger's example payload from the catalog (`{}` when it has none) to the webhook, in its format, signed as its deliveries are. Recorded in the delivery history as a test delivery; the webhook's status does not change. The trigger must be one the webhook subscribes to.",
    pathParams: idParam("webhook"),
    body: s.SendExampleInput,
    outcome: { status: 200, description: "The test delivery and what the URL answered.", schema: s.SentExample },
  },
  rotateWebhookSecret: {
    method: "POST",
    path: "/api/v1/webhooks/{id}/rotate_secret",
    tag: "Webhooks",
    permission: "webhooks:write",
    summary: "Rotate a webhook's signing secret",
    description:
      "Stores a new secret (the one sent, or a generated one: `whsec_…` for standard webhooks). A standard webhook keeps its current secret valid for 24 hours, and its requests carry a signature from each meanwhile; rotating again during an overlap drops the oldest. DeepSource and SonarQube headers hold one signature, so there the new secret takes over at once. The body is optional.",
    pathParams: idParam("webhook"),
    body: s.RotateSecretInput,
    bodyOptions: { optional: true },
    outcome: {
      status: 200,
      description: "The webhook, with `previousSecretValidUntil`, and the new secret, shown only in this response.",
      schema: s.RotatedSecret,
    },
  },
});
