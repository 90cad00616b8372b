/**
 * Inngest's documented limits (usage limits: functions, steps, events), enforced so that a
 * function that would fail on Inngest Cloud fails here too, and in the same way: the run fails.
 * The event size is the smallest plan's, so code that fits here fits everywhere.
 */
export const inngestLimits = {
  stepsPerRun: 1000,
  stepOutputBytes: 4 * 1024 * 1024,
  runStateBytes: 32 * 1024 * 1024,
  eventBytes: 256 * 1024,
  sleepMs: 365 * 24 * 3_600_000,
  batchMaxSize: 100,
} as const;

export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value ?? null), "utf8");

/** Why an event is refused by the event API, or null when it fits. */
export function eventTooLarge(event: unknown): string | null {
  const bytes = jsonBytes(event);
  return bytes > inngestLimits.eventBytes
    ? `The event is ${bytes} bytes; Inngest accepts events of at most ${inngestLimits.eventBytes} bytes.`
    : null;
}
