import { z } from "zod";
import { deliveryStatuses } from "@/lib/history/schemas";
import { paginationQuery } from "@/lib/http/pagination";

const jsonObject = z.record(z.string(), z.unknown());

/** What a producer publishes: one occurrence of a trigger, optionally in a project. */
export const publishEventInput = z.strictObject({
  type: z.string().trim().min(1, "Name the trigger in type.").max(100),
  // The project's key (as SonarQube producers know it) or its id.
  project: z.string().trim().min(1).max(100).optional(),
  payload: jsonObject.default({}),
  // Producer-supplied properties (SonarQube's `sonar.analysis.*`), delivered under `properties`.
  properties: z.record(z.string(), z.string().max(4096)).default({}),
  idempotencyKey: z.string().trim().min(1).max(255).optional(),
});

export type PublishEventInput = z.infer<typeof publishEventInput>;

export const publishEventOutput = z.object({ id: z.string() });

export const maxBatchEvents = 1_000;

/** A batch: all stored or none; each item keeps its own idempotency key. */
export const publishEventBatchInput = z.array(publishEventInput).min(1).max(maxBatchEvents);

export const publishEventBatchOutput = z.object({
  data: z
    .array(
      z.object({
        id: z.string(),
        replayed: z
          .boolean()
          .describe("True when the item's idempotency key was seen before: the id is the first event's."),
      }),
    )
    .describe("One entry per event, in request order."),
});

const instant = (name: string) =>
  z.iso.datetime({ offset: true, message: `Give ${name} as an ISO 8601 date-time, e.g. 2026-11-20T00:00:00Z.` });

/** The event log's search: every filter narrows the list, and together they all apply. */
const eventFilterFields = {
  id: z.string().max(64).optional().describe("An event id: the list holds that event, if it is this org's."),
  type: z.string().max(100).optional(),
  projectId: z.string().max(64).optional(),
  deliveryId: z
    .string()
    .max(64)
    .optional()
    .describe("A delivery id: the events that delivery carries (one, or several for a batch)."),
  status: z
    .enum(deliveryStatuses)
    .optional()
    .describe("Events with at least one delivery in this state, e.g. `failed`."),
  from: instant("from").optional().describe("Events published at or after this moment."),
  to: instant("to").optional().describe("Events published before this moment."),
  q: z
    .string()
    .trim()
    .min(1, "Type some text to search the payloads for.")
    .max(200)
    .optional()
    .describe("Text found anywhere in the payload's JSON (keys or values), ignoring case."),
};

const orderedRange = <T extends { from?: string; to?: string }>(filter: T) =>
  !filter.from || !filter.to || Date.parse(filter.from) < Date.parse(filter.to);
const rangeMessage = { path: ["to"], message: "to must come after from." };

export const eventListQuery = paginationQuery.extend(eventFilterFields).refine(orderedRange, rangeMessage);

/** The same search, without paging: which events a bulk action takes. */
export const eventFilter = z.strictObject(eventFilterFields).refine(orderedRange, rangeMessage);

export type EventFilter = z.infer<typeof eventFilter>;

export type EventListQuery = z.infer<typeof eventListQuery>;

export const eventOutput = z.object({
  id: z.string(),
  type: z.string(),
  projectId: z.string().nullable(),
  payload: jsonObject,
  properties: z.record(z.string(), z.string()),
  idempotencyKey: z.string().nullable(),
  dispatchedAt: z.date().nullable(),
  createdAt: z.date(),
});

export type EventOutput = z.infer<typeof eventOutput>;

/** How many of an event's deliveries are in each state: where it went, at a glance. */
export const deliveryCounts = z.object({
  held: z.number(),
  pending: z.number(),
  sending: z.number(),
  succeeded: z.number(),
  retrying: z.number(),
  failed: z.number(),
} satisfies Record<(typeof deliveryStatuses)[number], z.ZodNumber>);

export const eventListItem = eventOutput.extend({
  deliveryCounts: deliveryCounts.describe("The event's deliveries (one per webhook it went to) in each state."),
});

export type EventListItem = z.infer<typeof eventListItem>;

export const eventDelivery = z.object({
  id: z.string(),
  webhookId: z.string(),
  webhookName: z.string(),
  status: z.enum(deliveryStatuses),
  isTest: z.boolean(),
  attemptCount: z.number(),
  lastAttemptAt: z.date().nullable(),
  nextAttemptAt: z.date().nullable(),
  lastResponseStatus: z.number().nullable(),
  lastErrorClass: z.string().nullable(),
});

export const eventDetailOutput = eventOutput.extend({
  deliveries: z.array(eventDelivery).describe("One per webhook the event went to, the newest first."),
});
