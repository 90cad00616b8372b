import { hmacSha256Hex } from "@/lib/wire/signing";
import { jsonRequest, singleEvent, unixSeconds, type FormatInput } from "@/lib/wire/formats/request";

/**
 * DeepSource: `{id, type, createdAt, data: {object}}`, with the event's properties as the
 * "additional fields depending on the webhook event" beside them. Signed with the current secret:
 * the header holds one signature, so a rotation cannot overlap.
 */
export function buildDeepSourceRequest(input: FormatInput) {
  const event = singleEvent(input);
  const [secret] = input.webhook.secrets;
  return jsonRequest(
    input.webhook,
    {
      ...event.properties,
      id: input.delivery.id,
      type: event.type,
      createdAt: unixSeconds(event.createdAt),
      data: { object: event.payload },
    },
    {
      signedHeaders: (body): Record<string, string> =>
        secret ? { "x-deepsource-signature": hmacSha256Hex(secret, body) } : {},
    },
  );
}
