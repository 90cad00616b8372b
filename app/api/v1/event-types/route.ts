import "server-only";
import { createEventType, listEventTypes } from "@/lib/event-types/event-types";
import { route } from "@/lib/http/route";
import { eventTypeOperations as api } from "@/lib/openapi/operations/event-types";

export const GET = route(api.listEventTypes, async ({ org }) => ({ data: await listEventTypes(org.id) }));

export const POST = route(api.createEventType, async ({ org, actor, body }) => createEventType(org.id, actor, body));
