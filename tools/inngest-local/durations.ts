import ms from "ms";

/**
 * Inngest's time strings as the SDK writes them (`timeStr`): "48h", "1w2d3h4m5s", "" for zero.
 * ms reads one amount with its unit ("36h", "1w", "30ms"); the SDK joins several ("2h30m10s") and
 * writes "" for zero, neither of which ms reads, so the string is split into its parts and ms
 * reads each. Only whole amounts with these units are taken: Inngest writes nothing else here.
 */
export function parseDuration(text: string): number {
  const parts = text.match(/\d+(?:ms|w|d|h|m|s)/g) ?? [];
  if (parts.join("") !== text) throw new Error(`"${text}" is not a duration like "30s", "2h" or "1d12h".`);
  return parts.reduce((total, part) => total + ms(part as ms.StringValue), 0);
}

/** When a Sleep op ends: its name is either a duration from now or an ISO timestamp (sleepUntil). */
export function sleepEnd(name: string, now: Date): Date {
  if (/^\d{4}-\d{2}-\d{2}T/.test(name)) {
    const until = new Date(name);
    if (Number.isNaN(until.getTime())) throw new Error(`Sleep until "${name}": not a valid timestamp.`);
    return until;
  }
  return new Date(now.getTime() + parseDuration(name));
}

const firstRetryMs = 10_000;
const longestRetryMs = 3_600_000;

/** Delay before retry `attempt` (1-based): 10 s, 20 s, 40 s … capped at one hour. No jitter, so tests can predict it. */
export function retryBackoffMs(attempt: number): number {
  return Math.min(firstRetryMs * 2 ** Math.max(0, attempt - 1), longestRetryMs);
}

/** A `Retry-After` value (seconds, or an HTTP/ISO date) as the time to retry at. */
export function retryAfterTime(value: string, now: Date): Date | null {
  if (/^\d+$/.test(value.trim())) return new Date(now.getTime() + Number(value) * 1000);
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
