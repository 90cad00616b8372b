import { describe, expect, it } from "vitest";
import { formatDelays, nextRetryDelayMs, retryScheduleSpecs } from "@/lib/wire/schedules";

const minute = 60_000;
const hour = 60 * minute;

/** Every delay a schedule hands out, from the first retry until it says stop. */
function walk(schedule: Parameters<typeof nextRetryDelayMs>[0], custom: number[] = [], random = () => 0.5) {
  const delays: number[] = [];
  for (let retriesDone = 0; ; retriesDone++) {
    const delay = nextRetryDelayMs(schedule, custom, retriesDone, random);
    if (delay === null) return delays;
    delays.push(delay);
  }
}

describe("retry schedules", () => {
  it("follows CodeScoring's 1 min → 48 h sequence exactly, then disables the webhook", () => {
    expect(walk("codescoring")).toEqual([
      1 * minute,
      5 * minute,
      30 * minute,
      3 * hour,
      12 * hour,
      24 * hour,
      48 * hour,
    ]);
    expect(walk("codescoring", [], Math.random)).toEqual(walk("codescoring"));
    expect(retryScheduleSpecs.codescoring.whenExhausted).toBe("disable");
  });

  it("retries SecurityScorecard 5 times, all before the 36 h escalation, and keeps the webhook", () => {
    const delays = walk("scorecard");
    expect(delays).toEqual([5 * minute, 30 * minute, 2 * hour, 8 * hour, 24 * hour]);
    expect(delays.reduce((sum, delay) => sum + delay, 0)).toBeLessThan(36 * hour);
    expect(retryScheduleSpecs.scorecard.whenExhausted).toBe("keep");
  });

  it("spreads the standard schedule by at most ±20%", () => {
    const base = [5_000, 5 * minute, 30 * minute, 2 * hour, 5 * hour, 10 * hour, 10 * hour];
    expect(walk("standard")).toEqual(base);
    expect(walk("standard", [], () => 0)).toEqual(base.map((delay) => delay * 0.8));
    expect(walk("standard", [], () => 1)).toEqual(base.map((delay) => delay * 1.2));
    for (let sample = 0; sample < 200; sample++) {
      walk("standard", [], Math.random).forEach((delay, index) => {
        expect(delay).toBeGreaterThanOrEqual(base[index]! * 0.8);
        expect(delay).toBeLessThanOrEqual(base[index]! * 1.2);
      });
    }
    expect(retryScheduleSpecs.standard.whenExhausted).toBe("disable");
  });

  it("walks a custom schedule's own delays, in seconds, then stops", () => {
    expect(walk("custom", [10, 60, 3600])).toEqual([10_000, 60_000, 3_600_000]);
    expect(walk("custom", [])).toEqual([]);
    expect(retryScheduleSpecs.custom.whenExhausted).toBe("disable");
  });

  it("says exhausted past the end, and refuses a nonsensical retry count", () => {
    expect(nextRetryDelayMs("codescoring", [], 7)).toBeNull();
    expect(nextRetryDelayMs("codescoring", [], 100)).toBeNull();
    expect(() => nextRetryDelayMs("codescoring", [], -1)).toThrow(RangeError);
    expect(() => nextRetryDelayMs("codescoring", [], 1.5)).toThrow(RangeError);
  });

  it("describes each schedule from its own delays", () => {
    expect(formatDelays([5_000, 90_000, 5 * minute, 3 * hour])).toBe("5 s → 90 s → 5 min → 3 h");
    expect(retryScheduleSpecs.codescoring.description).toBe(
      "1 min → 5 min → 30 min → 3 h → 12 h → 24 h → 48 h, then the webhook is disabled.",
    );
    expect(retryScheduleSpecs.scorecard.description).toContain("5 retries within 36 h");
    expect(retryScheduleSpecs.standard.description).toContain("5 s → 5 min → 30 min → 2 h → 5 h → 10 h → 10 h");
  });
});
