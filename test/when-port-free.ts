/**
 * Starts something that listens on one of this worker's fixed ports (test/engine-env.ts), trying
 * again while the port is taken. vitest hands a finished file's pool id to the next file while the
 * finished file's process may still be exiting with the port bound; it is free once that exit is done.
 */
export async function whenPortFree<T>(start: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await start();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
