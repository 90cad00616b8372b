import type { WebhookFormat } from "@/generated/prisma/enums";
import type { OutgoingRequest } from "@/lib/wire/sender";

export interface FormatEvent {
  id: string;
  type: string;
  createdAt: Date;
  payload: Record<string, unknown>;
  properties: Record<string, unknown>;
  projectKey: string | null;
}

export interface FormatInput {
  webhook: {
    id: string;
    url: string;
    format: WebhookFormat;
    headers: Record<string, string>;
    extraPayload: Record<string, unknown>;
    /** The current secret first, then the previous one while a rotation is under way. */
    secrets: string[];
    token: string | null;
    basicAuth: { username: string; password: string } | null;
    /** The key of the project the event belongs to. */
    projectKey: string | null;
  };
  delivery: {
    id: string;
    createdAt: Date;
    retriesDone: number;
    /** Earlier web requests of the same rule execution (SecurityScorecard follow-up targets). */
    earlierRequests?: EarlierRequest[];
  };
  events: FormatEvent[];
  now: Date;
}

export interface EarlierRequest {
  url: string;
  status: number | null;
  body: string;
}

export const userAgent = "WebhookHub/1.0";

export interface JsonRequestOptions {
  /** Where the webhook's token goes; `Authorization: Bearer <token>` unless the product names a header. */
  tokenHeader?: string;
  /** Headers computed from the final body: signatures, ids. */
  signedHeaders?: (body: string) => Record<string, string>;
}

/**
 * The request every format sends. The body is the format's envelope with the webhook's extra
 * payload merged over its top level, as DejaCode does (`payload.update(extra_payload)`): what a
 * person configured wins, and signatures cover the final body either way. Headers: the webhook's
 * extra headers, then the hub's own, which win (the API already refuses reserved names).
 */
export function jsonRequest(
  webhook: FormatInput["webhook"],
  envelope: Record<string, unknown>,
  options: JsonRequestOptions = {},
): OutgoingRequest {
  const body = JSON.stringify({ ...envelope, ...webhook.extraPayload });
  const headers: Record<string, string> = {
    ...lowercaseNames(webhook.headers),
    "content-type": "application/json; charset=utf-8",
    "user-agent": userAgent,
    ...credentialHeaders(webhook, options.tokenHeader),
    ...options.signedHeaders?.(body),
  };
  return { url: webhook.url, headers, body };
}

function lowercaseNames(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** URL credentials become Basic auth (SonarQube); they take `Authorization` over a bearer token. */
function credentialHeaders(webhook: FormatInput["webhook"], tokenHeader: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (webhook.token !== null) {
    if (tokenHeader) headers[tokenHeader] = webhook.token;
    else headers.authorization = `Bearer ${webhook.token}`;
  }
  if (webhook.basicAuth) {
    const { username, password } = webhook.basicAuth;
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
  }
  return headers;
}

/** The one event of a format that sends events one at a time. */
export function singleEvent(input: FormatInput): FormatEvent {
  const [event, ...rest] = input.events;
  if (!event || rest.length > 0)
    throw new Error(
      `The ${input.webhook.format} format sends exactly one event per request; got ${input.events.length}.`,
    );
  return event;
}

/** The events of a format that may batch them. */
export function someEvents(input: FormatInput): [FormatEvent, ...FormatEvent[]] {
  const [first, ...rest] = input.events;
  if (!first) throw new Error(`A ${input.webhook.format} request carries at least one event.`);
  return [first, ...rest];
}

export const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
