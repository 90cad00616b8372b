import { listEvents } from "@/lib/events/events";
import { publishEvent } from "@/lib/events/publish";
import { eventListQuery, publishEventInput } from "@/lib/events/schemas";
import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";

export const GET = withOrg(async (request, { org }) => json(await listEvents(org.id, parseQuery(request, eventListQuery))), {
  permission: "events:read",
});

/** 202: the event is stored; delivery happens asynchronously. A replayed idempotency key gets the first answer. */
export const POST = withOrg(
  async (request, { org }) => {
    const published = await publishEvent(org.id, await parseJsonBody(request, publishEventInput));
    return json({ id: published.id }, { status: 202, headers: published.replayed ? { "idempotent-replayed": "true" } : {} });
  },
  { permission: "events:write" },
);
