import "server-only";
import { listEvents } from "@/lib/events/events";
import { idempotencyHeader, refuseHeaderOnBatch, withIdempotencyHeader } from "@/lib/events/idempotency-header";
import { publishEvent } from "@/lib/events/publish";
import { maxBatchBodyBytes, publishEvents } from "@/lib/events/publish-batch";
import { eventListQuery, publishEventInput } from "@/lib/events/schemas";
import { defaultMaxBytes, parseQuery, readJsonBody, tooLarge } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";

export const GET = withOrg(async (request, { org }) => json(await listEvents(org.id, parseQuery(request, eventListQuery))), {
  permission: "events:read",
});

/**
 * 202: the event is stored; delivery happens asynchronously. A replayed idempotency key gets the
 * first answer. An array is a batch: all stored or none, answered `{ data: [{ id, replayed }] }` in order.
 */
export const POST = withOrg(
  async (request, { org }) => {
    const { value, bytes } = await readJsonBody(request, { maxBytes: maxBatchBodyBytes });
    const headerKey = request.headers.get(idempotencyHeader);
    if (Array.isArray(value)) {
      refuseHeaderOnBatch(headerKey);
      return json({ data: await publishEvents(org.id, value) }, { status: 202 });
    }
    if (bytes > defaultMaxBytes) throw tooLarge(defaultMaxBytes);
    const published = await publishEvent(org.id, withIdempotencyHeader(publishEventInput.parse(value), headerKey));
    return json({ id: published.id }, { status: 202, headers: published.replayed ? { "idempotent-replayed": "true" } : {} });
  },
  { permission: "events:write" },
);
