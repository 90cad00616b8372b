import { createEventTypeInput, eventTypeOutput } from "@/lib/event-types/event-types";
import { defineOperations, listOf } from "@/lib/openapi/operation";

/** Published under `components.schemas` by these names. */
export const eventTypeSchemas = {
  EventType: eventTypeOutput,
  EventTypeList: listOf(eventTypeOutput),
  CreateEventTypeInput: createEventTypeInput,
};

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
});
