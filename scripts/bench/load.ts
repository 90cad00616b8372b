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

  if (failures.length > 0) {
    const first = failures[0] instanceof Error ? failures[0].message : String(failures[0]);
    throw new Error(`${label}: ${failures.length} of ${total} operations failed; the first: ${first}`);
  }
  latencies.sort((a, b) => a - b);
  return { count: total, durationMs, perSecond: (total / durationMs) * 1000, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
