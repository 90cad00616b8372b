import { signStandard } from "@/lib/wire/signing";
import { jsonRequest, someEvents, unixSeconds, type FormatEvent, type FormatInput } from "@/lib/wire/formats/request";

const item = (event: FormatEvent) => ({
  id: event.id,
  type: event.type,
  timestamp: event.createdAt.toISOString(),
  data: event.payload,
});

/**
 * Standard Webhooks: `{type, timestamp, data}`. The spec has no batch shape, so a batch of several
 * events is one message of type `batch` whose `data.events` holds each event as `{id, type,
 * timestamp, data}`; a receiver verifies it like any other message.
 */
function envelope(input: FormatInput) {
  const events = someEvents(input);
  if (events.length === 1) {
    const [event] = events;
    return { type: event.type, timestamp: event.createdAt.toISOString(), data: event.payload };
  }
  return { type: "batch", timestamp: input.delivery.createdAt.toISOString(), data: { events: events.map(item) } };
}

/** `webhook-id` is the delivery's, the same on every retry, so receivers can deduplicate. */
export function buildStandardRequest(input: FormatInput) {
  const msgId = input.delivery.id;
  const timestamp = unixSeconds(input.now);
  return jsonRequest(input.webhook, envelope(input), {
    signedHeaders: (body) => {
      const signature = signStandard({ secrets: input.webhook.secrets, msgId, timestamp, body });
      return {
        "webhook-id": msgId,
        "webhook-timestamp": String(timestamp),
        ...(signature ? { "webhook-signature": signature } : {}),
      };
    },
  });
}
