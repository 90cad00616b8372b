import "server-only";
import { buildRequest } from "@/lib/wire/formats";
import type { FormatEvent, FormatInput } from "@/lib/wire/formats/request";
import { maskHeaders } from "@/lib/wire/mask-headers";
import { classifyOutcome } from "@/lib/wire/outcome";
import { sendRequest, type SendResult } from "@/lib/wire/sender";
import type { Webhook } from "@/generated/prisma/client";
import type { SigningTarget } from "@/lib/engine/signing-target";

/** What a request needs from a webhook; an unsaved one being tested has just these. */
export type SendTarget = Omit<SigningTarget, "webhook"> & {
  webhook: Pick<Webhook, "id" | "url" | "format" | "headers" | "extraPayload" | "timeoutMs">;
};

export type EventToSend = FormatEvent;

export interface SentAttempt {
  request: { url: string; headers: Record<string, string>; body: string };
  result: SendResult;
  outcome: ReturnType<typeof classifyOutcome>;
}

// Postgres text cannot hold NUL; a receiver's binary answer is stored without it.
const storable = (text: string) => text.replaceAll("\u0000", "");

/** Builds the webhook's request in its format, signs it, sends it, and classifies what came back. `onSent`: see sendRequest. */
export async function sendAttempt(
  target: SendTarget,
  delivery: FormatInput["delivery"],
  events: EventToSend[],
  now = new Date(),
  onSent?: () => void,
): Promise<SentAttempt> {
  const { webhook } = target;
  const request = buildRequest({
    webhook: {
      id: webhook.id,
      url: webhook.url,
      format: webhook.format,
      headers: webhook.headers as Record<string, string>,
      extraPayload: webhook.extraPayload as Record<string, unknown>,
      secrets: target.secrets,
      token: target.token,
      basicAuth: target.basicAuth,
      projectKey: events[0]?.projectKey ?? null,
    },
    delivery,
    events,
    now,
  });
  const result = await sendRequest(request, { timeoutMs: webhook.timeoutMs, onSent });
  return {
    request: { url: request.url, headers: maskHeaders(request.headers, target.secretHeaderNames), body: request.body },
    result: { ...result, body: storable(result.body) },
    outcome: classifyOutcome(result),
  };
}

/** "HTTP 503" or "timeout: no answer within 5000 ms": how emails and the dashboard name a failure. */
export function describeFailure(result: {
  status: number | null;
  errorClass: string | null;
  errorMessage: string | null;
}): string {
  if (result.status !== null) return `HTTP ${result.status}`;
  return [result.errorClass, result.errorMessage].filter(Boolean).join(": ") || "no response";
}
