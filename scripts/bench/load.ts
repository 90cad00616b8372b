import { performance } from "node:perf_hooks";
import { percentile } from "@/scripts/bench/percentile";
import { counter } from "@/scripts/bench/progress";

export interface Measurement {
  count: number;
  durationMs: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** A run in which anything failed measures nothing worth printing, so it throws. */
function measurement(
  label: string,
  total: number,
  durationMs: number,
  latencies: number[],
  failures: unknown[],
): Measurement {
  if (failures.length > 0) {
    const first = failures[0] instanceof Error ? failures[0].message : String(failures[0]);
    throw new Error(`${label}: ${failures.length} of ${total} operations failed; the first: ${first}`);
  }
  latencies.sort((a, b) => a - b);
  return {
    count: total,
    durationMs,
    perSecond: (total / durationMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

export interface Load {
  label: string;
  total: number;
  concurrency: number;
  /** One operation; it throws when the operation did not succeed. */
  send: (index: number) => Promise<void>;
  /** Warm-ups run without a counter. */
  quiet?: boolean;
}

/**
 * Runs `total` operations with `concurrency` in flight at once (closed loop: each worker starts its
 * next operation when the last one finished) and measures throughput and per-operation latency.
 * A run in which anything failed measures nothing worth printing, so it throws.
 */
export async function runLoad({ label, total, concurrency, send, quiet = false }: Load): Promise<Measurement> {
  const latencies: number[] = [];
  const failures: unknown[] = [];
  const progress = quiet ? { tick: () => undefined, done: () => undefined } : counter(label, total);
  let next = 0;

  async function worker() {
    while (next < total) {
      const index = next++;
      const started = performance.now();
      try {
        await send(index);
        latencies.push(performance.now() - started);
      } catch (error) {
        failures.push(error);
      }
      progress.tick();
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const durationMs = performance.now() - started;
  progress.done();

  return measurement(label, total, durationMs, latencies, failures);
}

export interface PacedLoad {
  label: string;
  total: number;
  perSecond: number;
  send: (index: number) => Promise<void>;
}

/**
 * Open loop: starts operation i at `i / perSecond` seconds whatever the earlier ones are doing, so
 * latency is what a client sending at that rate sees. Latency counts from the planned start, so a
 * load generator that falls behind shows as latency, not as a gentler rate.
 */
export async function runPacedLoad({ label, total, perSecond, send }: PacedLoad): Promise<Measurement> {
  const latencies: number[] = [];
  const failures: unknown[] = [];
  const progress = counter(label, total);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const planned = started + (index * 1000) / perSecond;
    const wait = planned - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      send(index)
        .then(
          () => void latencies.push(performance.now() - planned),
          (error: unknown) => void failures.push(error),
        )
        .finally(() => progress.tick()),
    );
  }
  await Promise.all(pending);
  const durationMs = performance.now() - started;
  progress.done();
  return measurement(label, total, durationMs, latencies, failures);
}
