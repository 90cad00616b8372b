import {
  attemptOutput,
  deliveryDetail,
  deliveryListQuery,
  deliverySummary,
  recoverInput,
  recoverOutput,
  replaySelectedInput,
  replaySelectedOutput,
  retryOutput,
} from "@/lib/history/schemas";
import { statsOutput, statsQuery } from "@/lib/history/stats";
import { defineOperations, idParam, pageOf } from "@/lib/openapi/operation";

/** Published under `components.schemas` by these names. */
export const deliverySchemas = {
  Delivery: deliverySummary,
  DeliveryPage: pageOf(deliverySummary),
  DeliveryDetail: deliveryDetail,
  Attempt: attemptOutput,
  RetryResult: retryOutput,
  RecoverInput: recoverInput,
  RecoverResult: recoverOutput,
  ReplaySelectedInput: replaySelectedInput,
  ReplaySelectedResult: replaySelectedOutput,
};

const s = deliverySchemas;

export const deliveryOperations = defineOperations({
  listWebhookDeliveries: {
    method: "GET",
    path: "/api/v1/webhooks/{id}/deliveries",
    tag: "Deliveries",
    permission: "deliveries:read",
    summary: "List a webhook's deliveries",
    description: "Latest first, with each delivery's last result.",
    pathParams: idParam("webhook"),
    query: deliveryListQuery,
    outcome: { status: 200, description: "A page of deliveries, newest first.", schema: s.DeliveryPage },
  },
  recoverWebhookDeliveries: {
    method: "POST",
    path: "/api/v1/webhooks/{id}/recover",
    tag: "Deliveries",
    permission: "deliveries:write",
    summary: "Re-send every failed delivery since a moment",
    description: `Each failed delivery created at or after \`since\` is sent once more, in the background, in order, by the webhook's own run.`,
    pathParams: idParam("webhook"),
    body: s.RecoverInput,
    outcome: { status: 202, description: "How many deliveries were queued.", schema: s.RecoverResult },
  },
  getWebhookStats: {
    method: "GET",
    path: "/api/v1/webhooks/{id}/stats",
    tag: "Deliveries",
    permission: "deliveries:read",
    summary: "Success rate and latency of a webhook over time",
    description:
      "Every attempt of the webhook's deliveries (scheduled, manual and test) counted per bucket, with p50/p95 duration.",
    pathParams: idParam("webhook"),
    query: statsQuery,
    outcome: {
      status: 200,
      description: "Equal buckets over the range, oldest first, empty ones included.",
      schema: statsOutput,
    },
  },
  getDelivery: {
    method: "GET",
    path: "/api/v1/deliveries/{id}",
    tag: "Deliveries",
    permission: "deliveries:read",
    summary: "Get a delivery with every attempt",
    description: "Request headers are stored with secrets masked.",
    pathParams: idParam("delivery"),
    outcome: {
      status: 200,
      description: "The delivery, its events and its attempts, oldest attempt first.",
      schema: s.DeliveryDetail,
    },
  },
  retryDelivery: {
    method: "POST",
    path: "/api/v1/deliveries/{id}/retry",
    tag: "Deliveries",
    permission: "deliveries:write",
    summary: "Send a delivery again now",
    description: "One attempt, answered synchronously. A retry schedule in progress carries on if it fails.",
    pathParams: idParam("delivery"),
    conflict: "`conflict`: an attempt of this delivery is in flight.",
    outcome: { status: 200, description: "The delivery and the new attempt.", schema: s.RetryResult },
  },
  replaySelectedDeliveries: {
    method: "POST",
    path: "/api/v1/deliveries/replay",
    tag: "Deliveries",
    permission: "deliveries:write",
    summary: "Replay chosen deliveries",
    description:
      'Retry selected: each listed delivery (1 to 1,000 ids, none twice) that has finished, whether it failed or succeeded, is queued to be sent once more, as a manual attempt, by its webhook\'s run in the background, paced like any other due work; its state becomes what that attempt gets. A delivery already waiting, being sent or held for a paused webhook is left as it is and listed in `skipped`. Every id must be a delivery of this organization and not a test delivery, or nothing is queued: 422 `validation_failed` whose `details` name each refused id by its place, e.g. `{ path: "deliveryIds.3", message }` (an id of another organization reads as one that does not exist). Recorded in the audit log as `delivery.replayed`.',
    body: s.ReplaySelectedInput,
    outcome: {
      status: 202,
      description: "How many deliveries were queued, and which were left as they were.",
      schema: s.ReplaySelectedResult,
    },
  },
});
