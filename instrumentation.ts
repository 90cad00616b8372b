/**
 * Runs once when a server instance starts: events stored but never handed to Inngest (the process
 * died between the 202 and the hand-over) are handed over now rather than at the next sweep.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { sweepUndispatched } = await import("@/lib/events/hand-over");
  sweepUndispatched({ olderThanMs: 0 })
    .then((count) => count > 0 && console.log(`Handed ${count} stored event(s) to Inngest at start-up.`))
    .catch((error: unknown) => console.warn("The start-up sweep of stored events failed; the cron will retry.", error));
}
