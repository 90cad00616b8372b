import { z } from "zod";
import { maxBatchBodyBytes } from "@/lib/events/publish-batch";
import {
  eventDetailOutput,
  eventFilter,
  eventListItem,
  eventListQuery,
  eventOutput,
  publishEventBatchInput,
  publishEventBatchOutput,
  publishEventInput,
  publishEventOutput,
} from "@/lib/events/schemas";
import { defineOperations, idParam, pageOf } from "@/lib/openapi/operation";

/** Published under `components.schemas` by these names. */
export const eventSchemas = {
  PublishEventInput: publishEventInput,
  PublishedEvent: publishEventOutput,
  PublishEventBatchInput: publishEventBatchInput,
  PublishedEventBatch: publishEventBatchOutput,
  Event: eventOutput,
  EventListItem: eventListItem,
  EventPage: pageOf(eventListItem),
  EventDetail: eventDetailOutput,
  EventFilter: eventFilter,
  ReplayableDeliveries: z.object({
    deliveries: z.number().describe("Failed deliveries of the matching events that a replay would send again."),
  }),
  ReplayedDeliveries: z.object({ requeued: z.number().describe("Failed deliveries queued to be sent once more.") }),
};

const s = eventSchemas;

export const eventOperations = defineOperations({
  publishEvent: {
    method: "POST",
    path: "/api/v1/events",
    tag: "Events",
    permission: "events:write",
    summary: "Publish an event, or a batch of up to 1,000",
    description:
      'Stored durably before the answer (accepted means committed; after the commit the answer is never a 5xx), then delivered to every matching webhook. The type must be in the catalog; a trigger with a JSON Schema validates the payload, and a mismatch is 422 `validation_failed` with `details` such as `{ path: "payload.order.id", message }` (the first mismatch only). A repeated idempotency key (`Idempotency-Key` header or `idempotencyKey`) answers with the first event\'s id (and `idempotent-replayed: true`) and delivers once; the same key with a different request (type, project, payload or properties) is refused with 409 `idempotency_key_reused`.\n\n**Batch:** send a JSON array of 1 to 1,000 events (body up to 5 MB; each payload still up to 256 KB, the cap of a single-event body). It is all or nothing: any bad item refuses the whole batch with 422 whose `details` name every bad item by its index, e.g. `{ path: "3.payload.x", message }`, and nothing is stored. Otherwise every event is stored with one statement and the answer is `202 { data: [{ id, replayed }] }` in request order; each item\'s `idempotencyKey` works as for a single event (`replayed: true` answers the first id). A batch takes no `Idempotency-Key` header.',
    headers: {
      "Idempotency-Key":
        "The event's idempotency key (single event only), as the IETF draft and Stripe define it. If the body also has `idempotencyKey`, the two must be equal (422 otherwise).",
    },
    body: z.union([s.PublishEventInput, s.PublishEventBatchInput]),
    // A single event and a batch are validated apart: a batch's problems are named by item index.
    bodyOptions: { maxBytes: maxBatchBodyBytes, validatedBy: "handler" },
    conflict:
      "`idempotency_key_reused`: the idempotency key was used before with a different request (in a batch, `details` name each such item by its index, and nothing is stored).",
    outcome: {
      status: 202,
      description: "Accepted: the event's id, or for a batch each event's id in request order.",
      schema: z.union([s.PublishedEvent, s.PublishedEventBatch]),
    },
  },
  listEvents: {
    method: "GET",
    path: "/api/v1/events",
    tag: "Events",
    permission: "events:read",
    summary: "Search the event log",
    description:
      "The org's published events, newest first, each with its deliveries counted per state (`deliveryCounts`): where it went, at a glance. Every filter narrows the list and they combine: an event id, a type, a project, a delivery id (the event or events that delivery carries), a delivery state (events with at least one delivery in it), a time range on when the event was published (`from` inclusive, `to` exclusive) and `q`, text found anywhere in the payload's JSON, ignoring case. A delivery id of another organization finds nothing. Bad input is 422 `validation_failed` with `details` naming each parameter.",
    query: eventListQuery,
    outcome: { status: 200, description: "A page of events, newest first.", schema: s.EventPage },
  },
  getEvent: {
    method: "GET",
    path: "/api/v1/events/{id}",
    tag: "Events",
    permission: "events:read",
    summary: "Get an event and its deliveries",
    pathParams: idParam("event"),
    outcome: {
      status: 200,
      description: "The event and the deliveries carrying it, each with its webhook's name and latest result.",
      schema: s.EventDetail,
    },
  },
  countReplayableDeliveries: {
    method: "GET",
    path: "/api/v1/events/replay",
    tag: "Events",
    permission: "deliveries:read",
    summary: "Count what a bulk replay would send",
    description:
      "The failed deliveries (test deliveries aside) of the events that match the event log's search (the same filters as listing events, without paging): what `POST /api/v1/events/replay` with the same filters would send again. A confirmation says this number before a person replays.",
    query: eventFilter,
    outcome: { status: 200, description: "How many deliveries a replay would send.", schema: s.ReplayableDeliveries },
  },
  replayDeliveries: {
    method: "POST",
    path: "/api/v1/events/replay",
    tag: "Events",
    permission: "deliveries:write",
    summary: "Replay the failed deliveries of the events matching a search",
    description:
      "Bulk retry: every failed delivery (test deliveries aside) of the events that match the filters (those of listing events, without paging; `{}` matches every event) is queued to be sent once more, as a manual attempt, by its webhook's run in the background, paced like any other due work. A failure leaves it failed, as before. Submitting twice queues nothing the second time: what was queued is no longer failed. Recorded in the audit log as `delivery.replayed`, with the search. To replay chosen deliveries instead, `POST /api/v1/deliveries/replay`.",
    body: eventFilter,
    outcome: { status: 202, description: "How many deliveries were queued.", schema: s.ReplayedDeliveries },
  },
});
