import "server-only";
import { deleteEventType, updateEventType } from "@/lib/event-types/event-types";
import { route } from "@/lib/http/route";
import { eventTypeOperations as api } from "@/lib/openapi/operations/event-types";

export const PATCH = route(api.updateEventType, async ({ org, actor, params, body }) =>
  updateEventType(org.id, actor, params.name, body),
);

export const DELETE = route(api.deleteEventType, async ({ org, actor, params }) =>
  deleteEventType(org.id, actor, params.name),
);
