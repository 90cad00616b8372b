/**
 * Runs once when a server instance starts: events stored but never handed to Inngest (the process
 * died between the 202 and the hand-over) are handed over now rather than at the next sweep.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { sweepUndispatched } = await import("@/lib/events/hand-over");
  const { logger } = await import("@/lib/observability/logger");
  sweepUndispatched({ olderThanMs: 0 })
    .then((count) => count > 0 && logger.info({ count }, "Handed stored events to Inngest at start-up"))
    .catch((error: unknown) => logger.warn({ err: error }, "The start-up sweep of stored events failed; the cron will retry"));
}
