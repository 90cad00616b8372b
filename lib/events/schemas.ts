import { z } from "zod";
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

export const eventListQuery = paginationQuery.extend({
  type: z.string().max(100).optional(),
  projectId: z.string().max(64).optional(),
});

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

export const eventDetailOutput = eventOutput.extend({
  deliveries: z.array(z.object({ id: z.string(), webhookId: z.string(), status: z.string() })),
});
