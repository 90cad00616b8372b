import { describe, expect, it } from "vitest";
import type { Measurement } from "@/scripts/bench/load";
import type { HistoryResult } from "@/scripts/bench/history";
import type { IngestResult } from "@/scripts/bench/ingest";
import type { EngineResult } from "@/scripts/bench/engine";
import { engineTable } from "@/scripts/bench/engine-report";
import { batchTable, halfRateTable, historyTable, ingestTable, replaceHistorySection } from "@/scripts/bench/report";

const measured = (perSecond: number, p50Ms: number, p99Ms: number): Measurement => ({
  count: 1000,
  durationMs: (1000 / perSecond) * 1000,
  perSecond,
  p50Ms,
  p99Ms,
});

describe("benchmark tables", () => {
  const ingest: IngestResult = {
    ingest: { ...measured(500, 40, 120), cpuMsPerOperation: 2.5 },
    ceiling: { ...measured(2000, 10, 30), cpuMsPerOperation: 0.5 },
    halfRate: {
      perSecond: 250,
      ingest: { ...measured(250, 5, 70), cpuMsPerOperation: 1.2 },
      ceiling: { ...measured(250, 2, 30), cpuMsPerOperation: 1 },
    },
    stored: 1000,
    dispatched: 998,
    batches: [
      {
        eventsPerRequest: 500,
        requests: { ...measured(40, 100, 200), count: 40 },
        events: 20_000,
        storedPerSecond: 20_000,
        handedOverPerSecond: 16_000,
        cpuMsPerEvent: 0.04,
      },
      {
        eventsPerRequest: 1000,
        requests: { ...measured(10, 300, 400), count: 20 },
        events: 20_000,
        storedPerSecond: 12_000,
        handedOverPerSecond: 9_000,
        cpuMsPerEvent: 0.05,
      },
    ],
  };

  it("puts each ingest figure beside the ceiling's, with their ratio, its CPU and the target", () => {
    const table = ingestTable(ingest);
    expect(table).toContain("| throughput (requests/s) | 500 | 2,000 | 0.25× | ≥ 0.90× | missed |");
    expect(table).toContain("| p50 latency (ms) | 40.0 | 10.0 | 4.00× |");
    expect(table).toContain("| p99 latency (ms) | 120.0 | 30.0 | 4.00× |");
    expect(table).toContain("| server CPU per request (ms) | 2.50 | 0.500 | 5.00× |");
    expect(table).toContain("| events stored | 1,000 of 1,000 |");
    expect(table).toContain("| events handed over (fanned out) as the run ended | 998 of 1,000 |");
  });

  it("judges the p99 at half rate against twice the bare route's, and each batch size against 15,000 events/s handed over", () => {
    expect(halfRateTable(ingest)).toContain("| p99 latency (ms) | 70.0 | 30.0 | 2.33× | ≤ 2.00× | missed |");
    expect(halfRateTable(ingest)).toContain("| server CPU per request (ms) | 1.20 | 1.00 | 1.20× |");
    const batches = batchTable(ingest);
    expect(batches).toContain(
      "| 500 | 40 × 500 | 20,000 | 16,000 | 0.040 | 100.0 / 200.0 | ≥ 15,000 handed over | met |",
    );
    expect(batches).toContain(
      "| 1,000 | 20 × 1,000 | 12,000 | 9,000 | 0.050 | 300.0 / 400.0 | ≥ 15,000 handed over | missed |",
    );
  });

  it("puts each engine figure beside its ceiling and target, and says which targets were missed", () => {
    const run = (overrides: Partial<EngineResult>): EngineResult => ({
      mode: "single",
      webhooks: 20,
      events: 1000,
      batchSize: 1,
      requests: 20_000,
      eventDeliveries: 20_000,
      durationMs: 10_000,
      requestsPerSecond: 2000,
      eventDeliveriesPerSecond: 2000,
      cpu: { hubMs: 16_000, postgresMs: 8_000 },
      cpuMsPerRequest: 1.2,
      ceiling: null,
      ...overrides,
    });
    const table = engineTable({
      single: run({ ceiling: measured(5000, 1, 2) }),
      batched: run({
        mode: "batched",
        batchSize: 1000,
        requests: 100,
        eventDeliveries: 100_000,
        eventDeliveriesPerSecond: 25_000,
      }),
      latency: { samples: 50, p50Ms: 61.2, p95Ms: 80 },
    });
    expect(table).toContain(
      "| single: 1,000 events × 20 webhooks, deliveries/s | 2,000 (1.20 ms CPU each) | 5,000 raw undici POSTs/s at 320 in flight | ≥ 0.5× the ceiling: 0.40× | **missed** |",
    );
    expect(table).toContain(
      "| single: CPU per delivery (hub + Postgres) | 1.20 ms (hub 0.80, Postgres 0.40) |  | ≤ 1.5 ms | met |",
    );
    expect(table).toContain(
      "| batched: 1,000 events × 20 webhooks, ≤ 1000 per request, events delivered/s | 25,000 in 100 requests (0.240 ms CPU per event) |  | ≥ 20,000 | met |",
    );
    expect(table).toContain(
      "| publish → receiver on an idle hub, 50 events | p50 61.2 ms, p95 80.0 ms |  | p50 ≤ 50 ms | **missed** |",
    );
  });
});

describe("history section", () => {
  const history: HistoryResult = {
    attempts: 1_000_000,
    deliveries: 250_000,
    webhooks: 10,
    days: 30,
    fixturesSeconds: 12.3,
    attemptsSeconds: 45.6,
    backfillSeconds: 7.8,
    rollupRows: 7_200,
    pagePlans: 'Index Scan using "Attempt_deliveryId_number_idx" on "Attempt"',
    figures: [
      { query: "history list, newest page", samples: 200, p50Ms: 4, p95Ms: 21.04, targetP95Ms: 25 },
      { query: "stats 7d", samples: 200, p50Ms: 9, p95Ms: 30, targetP95Ms: null },
      { query: "stats 30d", samples: 200, p50Ms: 40, p95Ms: 61, targetP95Ms: 50 },
    ],
  };
  const run = {
    machine: { cpu: "CPU", cores: 2, memoryGiB: 8, os: "Linux", node: "v20", loadAverage: 1 },
    loadAverageAfter: 1.5,
    command: "npm run bench -- history",
    date: new Date("2026-11-29T20:00:00Z"),
    history,
  };

  it("puts each p95 beside its target and says whether it was met", () => {
    const table = historyTable(history);
    expect(table).toContain("| history list, newest page | 200 | 4.0 | 21.0 | ≤ 25 | met |");
    expect(table).toContain("| stats 7d | 200 | 9.0 | 30.0 |  |  |");
    expect(table).toContain("| stats 30d | 200 | 40.0 | 61.0 | ≤ 50 | missed |");
  });

  it("replaces only the history section of an existing report, or adds one before the notes", () => {
    const report = "# Benchmarks\n\n## Delivery\n\nkept\n\n## How to read these\n\nnotes\n";
    const added = replaceHistorySection(report, run);
    expect(added.indexOf("## Delivery")).toBeLessThan(added.indexOf("## History at scale"));
    expect(added.indexOf("## History at scale")).toBeLessThan(added.indexOf("## How to read these"));
    const replaced = replaceHistorySection(added.replace("| 4.0 |", "| 999.0 |"), run);
    expect(replaced).toBe(added);
    expect(replaced.match(/## History at scale/g)).toHaveLength(1);
  });
});
