import { describe, expect, it } from "vitest";
import { parseDuration, retryAfterTime, retryBackoffMs, sleepEnd } from "@/tools/inngest-local/durations";

describe("durations", () => {
  it("reads the SDK's time strings", () => {
    expect(parseDuration("48h")).toBe(48 * 3_600_000);
    expect(parseDuration("1w2d3h4m5s")).toBe(((7 + 2) * 24 * 3600 + 3 * 3600 + 4 * 60 + 5) * 1000);
    expect(parseDuration("")).toBe(0);
    expect(() => parseDuration("two days")).toThrow(/not a duration/);
  });

  it("ends a sleep after a duration, or at the timestamp sleepUntil gave", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(sleepEnd("1h30m", now)).toEqual(new Date("2026-01-01T01:30:00Z"));
    expect(sleepEnd("2026-02-01T00:00:00.000Z", now)).toEqual(new Date("2026-02-01T00:00:00Z"));
  });

  it("backs off 10 s, doubling, up to an hour; honours Retry-After", () => {
    expect([1, 2, 3, 4].map(retryBackoffMs)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryBackoffMs(30)).toBe(3_600_000);
    const now = new Date("2026-01-01T00:00:00Z");
    expect(retryAfterTime("120", now)).toEqual(new Date("2026-01-01T00:02:00Z"));
    expect(retryAfterTime("2026-01-02T00:00:00.000Z", now)).toEqual(new Date("2026-01-02T00:00:00Z"));
    expect(retryAfterTime("soon", now)).toBeNull();
  });
});
