import "server-only";
import { listEventTypes } from "@/lib/event-types/event-types";
import { route } from "@/lib/http/route";
import { eventTypeOperations as api } from "@/lib/openapi/operations/event-types";

/** CodeScoring's "list of available triggers": the org's catalog. */
export const GET = route(api.listWebhookTriggers, async ({ org }) => ({ data: await listEventTypes(org.id) }));
