import { createEventTypeInput, eventTypeOutput, updateEventTypeInput } from "@/lib/event-types/event-types";
import { defineOperations, listOf } from "@/lib/openapi/operation";

/** Published under `components.schemas` by these names. */
export const eventTypeSchemas = {
  EventType: eventTypeOutput,
  EventTypeList: listOf(eventTypeOutput),
  CreateEventTypeInput: createEventTypeInput,
  UpdateEventTypeInput: updateEventTypeInput,
};

const nameParam = { name: "The trigger's name, e.g. `order.paid`." };

const s = eventTypeSchemas;

export const eventTypeOperations = defineOperations({
  listWebhookTriggers: {
    method: "GET",
    path: "/api/v1/webhooks/triggers",
    tag: "Triggers",
    permission: "webhooks:read",
    summary: "List the triggers a webhook can subscribe to",
    description: "The same catalog as `GET /api/v1/event-types`.",
    outcome: { status: 200, description: "Every trigger in the org's catalog.", schema: s.EventTypeList },
  },
  listEventTypes: {
    method: "GET",
    path: "/api/v1/event-types",
    tag: "Triggers",
    permission: "webhooks:read",
    summary: "List event types",
    outcome: {
      status: 200,
      description: "Every event type in the org's catalog, built-in and custom.",
      schema: s.EventTypeList,
    },
  },
  createEventType: {
    method: "POST",
    path: "/api/v1/event-types",
    tag: "Triggers",
    permission: "webhooks:write",
    summary: "Add a custom event type",
    description:
      "`schema`, if given, must be a self-contained JSON Schema (draft 2020-12) within the hub's limits (see the field). A schema outside them is refused with 422 `validation_failed`, each `details` entry naming the place in the schema, e.g. `schema.properties.code.pattern`.",
    body: s.CreateEventTypeInput,
    conflict: "`conflict`: an event type with this name already exists.",
    outcome: { status: 201, description: "The new event type.", schema: s.EventType },
  },
  updateEventType: {
    method: "PATCH",
    path: "/api/v1/event-types/{name}",
    tag: "Triggers",
    permission: "webhooks:write",
    summary: "Change a custom event type",
    description:
      "Its description, JSON Schema and example payload; each field left out is kept, `null` clears the schema or the example. The name stays: webhooks subscribe by it. Built-in event types come from the products' documents and cannot be changed (409).",
    pathParams: nameParam,
    body: s.UpdateEventTypeInput,
    conflict: "`conflict`: the event type is built in.",
    outcome: { status: 200, description: "The event type as it is now.", schema: s.EventType },
  },
  deleteEventType: {
    method: "DELETE",
    path: "/api/v1/event-types/{name}",
    tag: "Triggers",
    permission: "webhooks:write",
    summary: "Delete a custom event type",
    description:
      "Refused (409) while a webhook subscribes to it, naming the webhooks: publishing an event of a type the catalog no longer has is refused, so they would never get one again. Built-in event types cannot be deleted.",
    pathParams: nameParam,
    conflict: "`conflict`: the event type is built in, or webhooks subscribe to it.",
    outcome: { status: 204, description: "Deleted." },
  },
});
