/** A result in a few words: "HTTP 200", "HTTP 503", "timeout", or "No attempt yet". */
export function describeOutcome(status: number | null, errorClass: string | null, hasAttempt = true): string {
  if (!hasAttempt) return "No attempt yet";
  if (status !== null) return `HTTP ${status}`;
  return errorClass ?? "No response";
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
