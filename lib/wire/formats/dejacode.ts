import { jsonRequest, singleEvent, type FormatInput } from "@/lib/wire/formats/request";

const prefixedUuid = /^wh_([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/;

/**
 * DejaCode names the webhook by a UUID in `hook.uuid`, and its receivers may parse it as one. A hub
 * webhook id is a UUID behind the `wh_` prefix, so the same id goes out in UUID spelling. Any other
 * id (an unsaved webhook being tried out) goes out as it is.
 */
export function hookUuid(webhookId: string): string {
  const parts = prefixedUuid.exec(webhookId);
  return parts ? parts.slice(1).join("-") : webhookId;
}

/** DejaCode: `{hook: {uuid, event, target}, data}`; the extra payload merges over it as DejaCode's own `payload.update()` does. */
export function buildDejaCodeRequest(input: FormatInput) {
  const event = singleEvent(input);
  const { webhook } = input;
  return jsonRequest(webhook, {
    hook: { uuid: hookUuid(webhook.id), event: event.type, target: webhook.url },
    data: event.payload,
  });
}
