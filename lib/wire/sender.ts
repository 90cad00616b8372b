import "server-only";
import { Agent, request, type Dispatcher } from "undici";
import { guardedConnector } from "@/lib/wire/guarded-connector";
import { allowListFromEnv, BlockedAddressError, DnsLookupError } from "@/lib/wire/ssrf";

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type SendErrorClass =
  "timeout" | "connection_refused" | "connection_reset" | "dns" | "tls" | "blocked_address" | "network";

export interface SendResult {
  /** Null when no complete response arrived; errorClass then says why. */
  status: number | null;
  headers: Record<string, string>;
  /** At most maxResponseBytes of the response body, as UTF-8. */
  body: string;
  truncated: boolean;
  durationMs: number;
  errorClass: SendErrorClass | null;
  errorMessage: string | null;
}

export interface SendOptions {
  /** Bounds the whole attempt: connecting, waiting for headers and reading the body. */
  timeoutMs: number;
  maxResponseBytes?: number;
  /** Where requests go; the guarded, shared keep-alive agent unless a test passes its own. */
  dispatcher?: Dispatcher;
  /** Called once the whole request has been written to its connection (not called if it never was). */
  onSent?: () => void;
}

let deliveryAgent: Agent | undefined;

/** One keep-alive pool per origin, shared by every delivery, that connects only to vetted addresses. */
function defaultDispatcher(): Agent {
  deliveryAgent ??= new Agent({ connect: guardedConnector(allowListFromEnv()) });
  return deliveryAgent;
}

/**
 * `dispatcher`, calling `onSent` when a request's last byte has been written to its connection:
 * undici calls a handler's `onRequestSent` then (a hook its types leave out). The handler is
 * undici's own; every other call goes to it unchanged.
 */
function reportingSent(dispatcher: Dispatcher, onSent: () => void): Dispatcher {
  const withSent = (handler: Dispatcher.DispatchHandler): Dispatcher.DispatchHandler =>
    new Proxy(handler, {
      get(target, key) {
        if (key === "onRequestSent") {
          return () => {
            onSent();
            return (target as { onRequestSent?: () => unknown }).onRequestSent?.();
          };
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return new Proxy(dispatcher, {
    get(target, key) {
      if (key === "dispatch")
        return (options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) =>
          target.dispatch(options, withSent(handler));
      const value: unknown = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * POSTs a webhook request and reports what came back. Redirects are never followed (undici's
 * `request` has no redirect handling unless asked). Never throws for network trouble: a failed
 * attempt is a result with an errorClass.
 */
export async function sendRequest(
  outgoing: OutgoingRequest,
  { timeoutMs, maxResponseBytes = 100 * 1024, dispatcher = defaultDispatcher(), onSent }: SendOptions,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // Not AbortSignal.timeout: its timer outlives the request and fires anyway, building a
  // DOMException per request long after the answer, which showed at thousands of sends a second.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const { signal } = deadline;
  try {
    const via = onSent ? reportingSent(dispatcher, onSent) : dispatcher;
    const response = await request(outgoing.url, {
      method: "POST",
      headers: outgoing.headers,
      body: outgoing.body,
      dispatcher: via,
      signal,
    });
    const { text, truncated } = await readCapped(response.body, maxResponseBytes);
    return {
      status: response.statusCode,
      headers: flattenHeaders(response.headers),
      body: text,
      truncated,
      durationMs: elapsed(),
      errorClass: null,
      errorMessage: null,
    };
  } catch (error) {
    // A response whose body has not finished by the deadline counts as no response: the attempt timed out.
    const failure = signal.aborted
      ? { errorClass: "timeout" as const, errorMessage: `no complete response within ${timeoutMs} ms` }
      : classifyNetworkError(error);
    return { status: null, headers: {}, body: "", truncated: false, durationMs: elapsed(), ...failure };
  } finally {
    clearTimeout(timer);
  }
}

/** Reads up to `max` bytes; past that, stops and lets the stream go (and its connection with it) unread. */
async function readCapped(body: AsyncIterable<Buffer>, max: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size + chunk.length > max) {
      chunks.push(chunk.subarray(0, max - size));
      // Leaving the loop destroys the stream: the rest is never buffered.
      return { text: Buffer.concat(chunks).toString("utf8"), truncated: true };
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { text: Buffer.concat(chunks).toString("utf8"), truncated: false };
}

function flattenHeaders(headers: Dispatcher.ResponseData["headers"]): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

const errorCodes: Array<[SendErrorClass, (code: string) => boolean]> = [
  ["dns", (code) => ["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_NONAME"].includes(code)],
  ["connection_refused", (code) => code === "ECONNREFUSED"],
  ["connection_reset", (code) => ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"].includes(code)],
  [
    "timeout",
    (code) =>
      ["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"].includes(code),
  ],
  ["tls", (code) => code === "EPROTO" || /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code)],
];

/** The error and everything it wraps: undici and net nest the real cause in `cause` or an AggregateError. */
function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  const pending = [error];
  while (pending.length > 0 && chain.length < 20) {
    const next = pending.shift();
    if (!(next instanceof Error)) continue;
    chain.push(next);
    pending.push(next.cause);
    if (next instanceof AggregateError) pending.push(...next.errors);
  }
  return chain;
}

function classifyNetworkError(error: unknown): { errorClass: SendErrorClass; errorMessage: string } {
  const chain = errorChain(error);
  const blocked = chain.find((link) => link instanceof BlockedAddressError);
  if (blocked instanceof BlockedAddressError) return { errorClass: "blocked_address", errorMessage: blocked.reason };
  const dns = chain.find((link) => link instanceof DnsLookupError);
  if (dns) return { errorClass: "dns", errorMessage: dns.message };
  for (const link of chain) {
    const code = (link as NodeJS.ErrnoException).code;
    if (typeof code !== "string") continue;
    const match = errorCodes.find(([, matches]) => matches(code));
    if (match) return { errorClass: match[0], errorMessage: link.message || code };
  }
  const [first] = chain;
  return { errorClass: "network", errorMessage: first?.message || String(error) };
}
