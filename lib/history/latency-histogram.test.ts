import { describe, expect, it } from "vitest";
import {
  histogramPercentile,
  latencyBucket,
  latencyBucketBounds,
  latencyBucketCount,
} from "@/lib/history/latency-histogram";

function histogramOf(durations: number[]): number[] {
  const histogram = Array<number>(latencyBucketCount).fill(0);
  for (const duration of durations) histogram[latencyBucket(duration)]!++;
  return histogram;
}

describe("latency histogram", () => {
  it("has increasing bounds from 1 ms to 60 s, each bucket at most 30 % wider than the one below it", () => {
    expect(latencyBucketBounds[0]).toBe(1);
    expect(latencyBucketBounds.at(-1)).toBe(60_000);
    for (let i = 1; i < latencyBucketBounds.length; i++) {
      expect(latencyBucketBounds[i]).toBeGreaterThan(latencyBucketBounds[i - 1]!);
      if (latencyBucketBounds[i - 1]! >= 10)
        expect(latencyBucketBounds[i]! / latencyBucketBounds[i - 1]!).toBeLessThanOrEqual(1.3);
    }
  });

  it("puts a duration in the first bucket whose upper bound it does not exceed, and the slowest in the overflow bucket", () => {
    expect([0, 1, 2, 100, 101, 60_000, 60_001, 600_000].map(latencyBucket)).toEqual([0, 0, 1, 17, 18, 45, 46, 46]);
  });

  it("answers null for no attempts and the only duration's bucket for one", () => {
    expect(histogramPercentile(histogramOf([]), 50)).toBeNull();
    expect(histogramPercentile(histogramOf([42]), 50)).toBe(50);
    expect(histogramPercentile(histogramOf([42]), 95)).toBe(50);
  });

  it("finds the nearest-rank percentile's bucket and interpolates within it", () => {
    const durations = Array.from({ length: 100 }, (_, index) => index + 1);
    // 1–100 ms: 40 attempts up to 40 ms, 10 in (40, 50]; the 50th lies at the top of that bucket.
    expect(histogramPercentile(histogramOf(durations), 50)).toBe(50);
    // 79 attempts up to 79 ms, 21 in (79, 100]; the 95th is the 16th of them: 79 + 21 × 16/21.
    expect(histogramPercentile(histogramOf(durations), 95)).toBe(95);
    expect(histogramPercentile(histogramOf([100, 300]), 50)).toBe(100);
    expect(histogramPercentile(histogramOf([100, 300]), 95)).toBe(316);
  });

  it("answers 60 s for attempts slower than the last bound", () => {
    expect(histogramPercentile(histogramOf([5, 90_000, 120_000]), 95)).toBe(60_000);
  });
});
