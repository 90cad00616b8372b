import { jsonRequest, singleEvent, type FormatInput } from "@/lib/wire/formats/request";

/**
 * SecurityScorecard: the event's own fields (`scorecard_id`, `domain`, …) at the top level beside
 * the execution's: `execution_id` (the delivery, the same on every retry), `created_at` (when the
 * delivery was created, i.e. its first attempt), `retries` made so far, `trigger` (an object
 * describing what fired, as the seed says) and `webhooks`: "an array of each called webhook url
 * and its response" for the rule's earlier web requests (a JSON response parsed, anything else as text).
 */
export function buildScorecardRequest(input: FormatInput) {
  const event = singleEvent(input);
  const { delivery } = input;
  return jsonRequest(input.webhook, {
    ...event.payload,
    execution_id: delivery.id,
    created_at: delivery.createdAt.toISOString(),
    retries: delivery.retriesDone,
    trigger: { type: event.type, event_id: event.id, created_at: event.createdAt.toISOString() },
    webhooks: (delivery.earlierRequests ?? []).map(({ url, status, body }) => ({
      url,
      status,
      response: parseIfJson(body),
    })),
  });
}

function parseIfJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
