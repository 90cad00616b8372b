import { describe, expect, it } from "vitest";
import { parseRetryAfterMs, retryAfterCapMs } from "@/lib/wire/retry-after";

const now = new Date("2026-01-01T12:00:00Z");

describe("Retry-After", () => {
  it("reads a delay in seconds", () => {
    expect(parseRetryAfterMs("120", now)).toBe(120_000);
    expect(parseRetryAfterMs(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP date as the time until then, and a past date as now", () => {
    expect(parseRetryAfterMs("Thu, 01 Jan 2026 12:10:00 GMT", now)).toBe(10 * 60_000);
    expect(parseRetryAfterMs("Thursday, 01-Jan-26 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfterMs("Wed, 31 Dec 2025 12:00:00 GMT", now)).toBe(0);
  });

  it("caps a longer wait at 24 hours", () => {
    expect(retryAfterCapMs).toBe(24 * 60 * 60 * 1000);
    expect(parseRetryAfterMs(String(7 * 24 * 3600), now)).toBe(retryAfterCapMs);
    expect(parseRetryAfterMs("Fri, 01 Jan 2027 12:00:00 GMT", now)).toBe(retryAfterCapMs);
  });

  it("ignores a missing or unreadable value", () => {
    for (const value of [undefined, "", "soon", "-5", "1.5", "12abc"]) expect(parseRetryAfterMs(value, now)).toBeNull();
  });
});
