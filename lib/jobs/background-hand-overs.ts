const inFlight = new Set<Promise<unknown>>();

/**
 * Tracks a hand-over to Inngest that a caller started after its commit and does not wait for (a
 * publish's wakes, a webhook's activation job): the answer does not wait on Inngest, and the sweep
 * sends what one of these could not.
 */
export function inBackground<T>(handOver: Promise<T>): Promise<T> {
  const tracked = handOver.finally(() => inFlight.delete(tracked));
  inFlight.add(tracked);
  return tracked;
}

/** Resolves once every hand-over started in the background so far has reached Inngest (or given up). */
export async function handOversSettled(): Promise<void> {
  await Promise.all(inFlight);
}
