/** Why no response arrived (the sender's error classes), as a person would say it. */
const errorPhrases: Record<string, string> = {
  timeout: "timeout",
  connection_refused: "connection refused",
  connection_reset: "connection reset",
  dns: "host name not found",
  tls: "TLS handshake failed",
  blocked_address: "address not allowed",
  network: "network error",
};

export const describeError = (errorClass: string) => errorPhrases[errorClass] ?? errorClass.replaceAll("_", " ");

/** A result in a few words: "HTTP 200", "HTTP 503", "connection refused", or "No attempt yet". */
export function describeOutcome(status: number | null, errorClass: string | null, hasAttempt = true): string {
  if (!hasAttempt) return "No attempt yet";
  if (status !== null) return `HTTP ${status}`;
  return errorClass ? describeError(errorClass) : "No response";
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
