import { z } from "zod";
import { paginationQuery } from "@/lib/http/pagination";

// "held": waiting for a paused webhook to be resumed.
export const deliveryStatuses = ["held", "pending", "sending", "succeeded", "retrying", "failed"] as const;

export const deliveryListQuery = paginationQuery.extend({
  status: z.enum(deliveryStatuses).optional(),
  eventType: z.string().max(100).optional(),
});

export const deliverySummary = z.object({
  id: z.string(),
  webhookId: z.string(),
  status: z.enum(deliveryStatuses),
  isTest: z.boolean(),
  eventTypes: z.array(z.string()),
  eventCount: z.number(),
  attemptCount: z.number(),
  lastAttemptAt: z.date().nullable(),
  nextAttemptAt: z.date().nullable(),
  lastResponseStatus: z.number().nullable(),
  lastErrorClass: z.string().nullable(),
  lastDurationMs: z.number().nullable(),
  lastRequestUrl: z
    .string()
    .nullable()
    .describe("The URL the latest attempt was sent to (the webhook's own, not a follow-up), credentials left out."),
  createdAt: z.date(),
});

export const attemptOutput = z.object({
  id: z.string(),
  number: z.number(),
  trigger: z.enum(["scheduled", "manual", "test"]),
  followUp: z.number().describe("0 for the webhook's own URL; n for its nth follow-up web request."),
  requestUrl: z.string(),
  requestHeaders: z.record(z.string(), z.string()),
  requestBody: z.string(),
  responseStatus: z.number().nullable(),
  responseHeaders: z.record(z.string(), z.string()).nullable(),
  responseBody: z.string().nullable(),
  responseTruncated: z.boolean(),
  durationMs: z.number(),
  success: z.boolean(),
  errorClass: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: z.date(),
});

export const deliveryDetail = deliverySummary.extend({
  events: z.array(
    z.object({ id: z.string(), type: z.string(), projectId: z.string().nullable(), createdAt: z.date() }),
  ),
  attempts: z.array(attemptOutput),
});

export const retryOutput = z.object({ delivery: deliverySummary, attempt: attemptOutput });

export const recoverInput = z.strictObject({
  since: z.iso
    .datetime({ offset: true, message: "Give since as an ISO 8601 date-time, e.g. 2026-11-20T00:00:00Z." })
    // A minute of grace for a caller's clock running ahead of the hub's.
    .refine((since) => Date.parse(since) <= Date.now() + 60_000, {
      message: "since is in the future: nothing has failed since then. Choose a moment in the past.",
    }),
});

export const recoverOutput = z.object({ requeued: z.number() });

/** The most deliveries one selection replays: a page of picks, not a bulk job (that is the search's replay). */
export const maxSelectedDeliveries = 1_000;

export const replaySelectedInput = z.strictObject({
  deliveryIds: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a delivery id."))
    .min(1, "Select at least one delivery.")
    .max(maxSelectedDeliveries, `Select at most ${maxSelectedDeliveries.toLocaleString("en")} deliveries at a time.`)
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        if (seen.has(id)) ctx.addIssue({ code: "custom", path: [index], message: `${id} is listed more than once.` });
        seen.add(id);
      });
    }),
});

export const replaySelectedOutput = z.object({
  requeued: z.number().describe("Deliveries queued to be sent once more."),
  skipped: z
    .array(z.string())
    .describe("Deliveries left as they were: already waiting to be sent, being sent, or held for a paused webhook."),
});

export const probeOutput = z.object({
  success: z.boolean(),
  status: z.number().nullable(),
  durationMs: z.number(),
  responseExcerpt: z.string().nullable(),
  errorClass: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
