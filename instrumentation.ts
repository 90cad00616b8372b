/**
 * Runs once when a server instance starts: events stored but never fanned out (the process died
 * between the 202 and the dispatch) and overdue webhooks are handled now rather than at the next sweep.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { sweepEngine } = await import("@/lib/deliveries/sweep");
  const { logger } = await import("@/lib/observability/logger");
  sweepEngine().catch((error: unknown) => logger.warn({ err: error }, "The start-up sweep failed; the cron will retry"));
}
