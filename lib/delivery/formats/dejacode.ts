import { jsonRequest, singleEvent, type FormatInput } from "@/lib/delivery/formats/request";

/** DejaCode: `{hook: {uuid, event, target}, data}`; the extra payload merges over it as DejaCode's own `payload.update()` does. */
export function buildDejaCodeRequest(input: FormatInput) {
  const event = singleEvent(input);
  const { webhook } = input;
  return jsonRequest(webhook, { hook: { uuid: webhook.id, event: event.type, target: webhook.url }, data: event.payload });
}
