import "server-only";
import { listEvents } from "@/lib/events/events";
import { idempotencyHeader, refuseHeaderOnBatch, withIdempotencyHeader } from "@/lib/events/idempotency-header";
import { publishEvent } from "@/lib/events/publish";
import { publishEvents } from "@/lib/events/publish-batch";
import { publishEventInput } from "@/lib/events/schemas";
import { defaultMaxBytes, tooLarge } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { eventOperations as api } from "@/lib/openapi/operations/events";

export const GET = route(api.listEvents, async ({ org, query }) => listEvents(org.id, query));

/**
 * 202: the event is stored; delivery happens asynchronously. A replayed idempotency key gets the
 * first answer. An array is a batch: all stored or none, answered `{ data: [{ id, replayed }] }` in order.
 * The body comes unvalidated (up to the batch's cap): a batch validates its items itself, naming them by index.
 */
export const POST = route(api.publishEvent, async ({ org, request, body, bodyBytes, responseHeaders }) => {
  const headerKey = request.headers.get(idempotencyHeader);
  if (Array.isArray(body)) {
    refuseHeaderOnBatch(headerKey);
    return { data: await publishEvents(org.id, body) };
  }
  if (bodyBytes > defaultMaxBytes) throw tooLarge(defaultMaxBytes);
  const published = await publishEvent(org.id, withIdempotencyHeader(publishEventInput.parse(body), headerKey));
  if (published.replayed) responseHeaders.set("idempotent-replayed", "true");
  return { id: published.id };
});
