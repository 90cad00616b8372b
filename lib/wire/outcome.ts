import { parseRetryAfterMs } from "@/lib/wire/retry-after";
import type { SendResult } from "@/lib/wire/sender";

export { retryAfterCapMs } from "@/lib/wire/retry-after";

export type Outcome = { kind: "success" } | { kind: "retry"; retryAfterMs?: number } | { kind: "gone" };

// The statuses by which a receiver says "later", and may say how much later.
const backOffStatuses = new Set([429, 503]);

/**
 * What an attempt's result means for the delivery: 2xx succeeds; 410 Gone means the endpoint is
 * gone for good; everything else (3xx included, since redirects are never followed, and every
 * network error) is a failure to retry, honouring a 429/503's Retry-After.
 */
export function classifyOutcome(result: SendResult, now = new Date()): Outcome {
  const { status } = result;
  if (status !== null && status >= 200 && status < 300) return { kind: "success" };
  if (status === 410) return { kind: "gone" };
  if (status !== null && backOffStatuses.has(status)) {
    const retryAfterMs = parseRetryAfterMs(result.headers["retry-after"], now);
    if (retryAfterMs !== null) return { kind: "retry", retryAfterMs };
  }
  return { kind: "retry" };
}
