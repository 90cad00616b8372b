import "server-only";
import { getEvent } from "@/lib/events/events";
import { route } from "@/lib/http/route";
import { eventOperations as api } from "@/lib/openapi/operations/events";

export const GET = route(api.getEvent, async ({ org, params }) => getEvent(org.id, params.id));
