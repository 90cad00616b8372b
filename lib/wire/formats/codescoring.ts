import { jsonRequest, someEvents, type FormatInput } from "@/lib/wire/formats/request";

/** CodeScoring: `{"events": [{created_at, trigger, payload}]}`, every event of the batch; token in its own header. */
export function buildCodeScoringRequest(input: FormatInput) {
  const events = someEvents(input).map((event) => ({
    created_at: event.createdAt.toISOString(),
    trigger: event.type,
    payload: event.payload,
  }));
  return jsonRequest(input.webhook, { events }, { tokenHeader: "x-codescoring-authentication" });
}
