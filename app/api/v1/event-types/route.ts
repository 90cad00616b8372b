import "server-only";
import { createEventType, createEventTypeInput, listEventTypes } from "@/lib/event-types/event-types";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";

export const GET = withOrg(async (_request, { org }) => json({ data: await listEventTypes(org.id) }), { permission: "webhooks:read" });

export const POST = withOrg(
  async (request, { org, actor }) => json(await createEventType(org.id, actor, await parseJsonBody(request, createEventTypeInput)), { status: 201 }),
  { permission: "webhooks:write" },
);
