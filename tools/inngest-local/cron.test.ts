import { describe, expect, it } from "vitest";
import { nextCronTime, parseCron } from "@/tools/inngest-local/cron";

const next = (expression: string, after: string) => nextCronTime(expression, new Date(after)).toISOString();

describe("nextCronTime", () => {
  it("steps through */n, and fires strictly after the given time", () => {
    expect(next("*/10 * * * *", "2026-03-01T00:03:00Z")).toBe("2026-03-01T00:10:00.000Z");
    expect(next("*/10 * * * *", "2026-03-01T00:10:00Z")).toBe("2026-03-01T00:20:00.000Z");
    expect(next("*/10 * * * *", "2026-03-01T23:55:30Z")).toBe("2026-03-02T00:00:00.000Z");
  });

  it("reads numbers, lists and ranges", () => {
    expect(next("0 * * * *", "2026-03-01T10:00:00Z")).toBe("2026-03-01T11:00:00.000Z");
    expect(next("15,45 9-17 * * *", "2026-03-01T17:46:00Z")).toBe("2026-03-02T09:15:00.000Z");
    expect(next("30 2 1 * *", "2026-01-31T00:00:00Z")).toBe("2026-02-01T02:30:00.000Z");
    expect(next("0 0 * 6 *", "2026-03-01T00:00:00Z")).toBe("2026-06-01T00:00:00.000Z");
    expect(next("0-30/15 * * * *", "2026-03-01T00:31:00Z")).toBe("2026-03-01T01:00:00.000Z");
  });

  it("takes day of week 0 and 7 as Sunday, and either day field when both are set", () => {
    // 2026-03-01 is a Sunday.
    expect(next("0 12 * * 1-5", "2026-03-01T00:00:00Z")).toBe("2026-03-02T12:00:00.000Z");
    expect(next("0 0 * * 7", "2026-03-02T00:00:00Z")).toBe("2026-03-08T00:00:00.000Z");
    expect(next("0 0 13 * 5", "2026-03-01T00:00:00Z")).toBe("2026-03-06T00:00:00.000Z");
  });

  it("rejects what it cannot read, and schedules that never fire", () => {
    expect(() => parseCron("* * * *")).toThrow(/5 fields/);
    expect(() => parseCron("60 * * * *")).toThrow(/outside 0-59/);
    expect(() => parseCron("MON * * * *")).toThrow(/not a number/);
    expect(() => parseCron("5-1 * * * *")).toThrow(/backwards/);
    expect(() => next("0 0 30 2 *", "2026-01-01T00:00:00Z")).toThrow(/never fires/);
  });
});
