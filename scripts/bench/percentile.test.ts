import { describe, expect, it } from "vitest";
import { percentile } from "@/scripts/bench/percentile";

describe("percentile", () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it("takes the nearest rank", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it("rounds the rank up on small samples, so p99 of a few is the slowest", () => {
    expect(percentile([3, 7, 9], 50)).toBe(7);
    expect(percentile([3, 7, 9], 99)).toBe(9);
    expect(percentile([4], 1)).toBe(4);
  });

  it("refuses an empty sample", () => {
    expect(() => percentile([], 50)).toThrow("No samples");
  });
});
