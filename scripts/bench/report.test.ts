import { describe, expect, it } from "vitest";
import type { Measurement } from "@/scripts/bench/load";
import { deliveryTable, ingestTable } from "@/scripts/bench/report";

const measured = (perSecond: number, p50Ms: number, p99Ms: number): Measurement => ({ count: 1000, durationMs: (1000 / perSecond) * 1000, perSecond, p50Ms, p99Ms });

describe("benchmark tables", () => {
  it("puts each ingest figure beside the ceiling's, with their ratio", () => {
    const table = ingestTable({ ingest: measured(500, 40, 120), ceiling: measured(2000, 10, 30), stored: 1000, dispatched: 998 });
    expect(table).toContain("| throughput (requests/s) | 500 | 2,000 | 0.25× |");
    expect(table).toContain("| p50 latency (ms) | 40.0 | 10.0 | 4.00× |");
    expect(table).toContain("| p99 latency (ms) | 120.0 | 30.0 | 4.00× |");
    expect(table).toContain("| events stored | 1,000 of 1,000 |");
    expect(table).toContain("| events handed to Inngest before the 202 | 998 of 1,000 |");
  });

  it("counts a batched delivery's events in events/s", () => {
    const table = deliveryTable([{ mode: "batched", deliveries: 100, eventsPerDelivery: 50, concurrency: 10, attempt: measured(80, 12.34, 50), ceiling: measured(1600, 1, 2) }]);
    expect(table).toContain("| batched | 100 × 50 | 80 | 4,000 | 12.3 | 50.0 | 1,600 | 1.0 / 2.0 | 0.05× |");
  });
});
