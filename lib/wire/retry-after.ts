/** However long a receiver asks us to wait, we come back within a day. */
export const retryAfterCapMs = 24 * 60 * 60 * 1000;

const delaySeconds = /^\d+$/;
// All three HTTP-date forms open with a day name; this keeps Date.parse's leniency ("1.5" is a date to it) out.
const httpDate = /^[A-Za-z]{3}/;

/**
 * A `Retry-After` value (delay in seconds, or an HTTP date) as milliseconds from `now`, capped at
 * `retryAfterCapMs`; a date in the past means now. Null when the header is missing or unreadable.
 */
export function parseRetryAfterMs(value: string | undefined, now: Date): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const ms = delaySeconds.test(trimmed) ? Number(trimmed) * 1000 : dateDelayMs(trimmed, now);
  return ms === null ? null : Math.min(ms, retryAfterCapMs);
}

function dateDelayMs(value: string, now: Date): number | null {
  const at = httpDate.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
