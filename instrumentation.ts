import "server-only";

/**
 * Runs once when a server instance starts.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The Inngest SDK walks the whole environment on every call to /api/inngest (getProcessEnv).
  // Node's process.env is an exotic object whose enumeration goes to the C++ side for each
  // variable; a plain snapshot enumerates at object speed. The environment does not change after start.
  process.env = { ...process.env };
  const { refuseUnsupportedMethods } = await import("@/lib/http/unsupported-methods");
  refuseUnsupportedMethods();
  // Events stored but never fanned out (the process died between the 202 and the dispatch), and
  // overdue webhooks, are handled now rather than at the next sweep.
  const { sweepEngine } = await import("@/lib/engine/sweep");
  const { logger } = await import("@/lib/observability/logger");
  sweepEngine().catch((error: unknown) =>
    logger.warn({ err: error }, "The start-up sweep failed; the cron will retry"),
  );
}
