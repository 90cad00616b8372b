import { describe, expect, it } from "vitest";
import { classifyOutcome, retryAfterCapMs } from "@/lib/wire/outcome";
import type { SendErrorClass, SendResult } from "@/lib/wire/sender";

const now = new Date("2026-01-01T12:00:00Z");

function answered(status: number, headers: Record<string, string> = {}): SendResult {
  return { status, headers, body: "", truncated: false, durationMs: 5, errorClass: null, errorMessage: null };
}

function failed(errorClass: SendErrorClass): SendResult {
  return { status: null, headers: {}, body: "", truncated: false, durationMs: 5, errorClass, errorMessage: "it broke" };
}

describe("classifyOutcome", () => {
  it.each([200, 201, 202, 204, 299])("counts %i as success", (status) => {
    expect(classifyOutcome(answered(status), now)).toEqual({ kind: "success" });
  });

  it.each([301, 302, 304, 307, 308, 400, 401, 403, 404, 409, 422, 500, 502, 504])(
    "retries after %i (redirects are never followed)",
    (status) => {
      expect(classifyOutcome(answered(status, { "retry-after": "60" }), now)).toEqual({ kind: "retry" });
    },
  );

  it("treats 410 Gone as the endpoint being gone", () => {
    expect(classifyOutcome(answered(410), now)).toEqual({ kind: "gone" });
  });

  it.each([429, 503])("honours Retry-After on %i, in seconds or as a date, capped", (status) => {
    expect(classifyOutcome(answered(status, { "retry-after": "90" }), now)).toEqual({
      kind: "retry",
      retryAfterMs: 90_000,
    });
    expect(classifyOutcome(answered(status, { "retry-after": "Thu, 01 Jan 2026 13:00:00 GMT" }), now)).toEqual({
      kind: "retry",
      retryAfterMs: 3_600_000,
    });
    expect(classifyOutcome(answered(status, { "retry-after": "999999" }), now)).toEqual({
      kind: "retry",
      retryAfterMs: retryAfterCapMs,
    });
    expect(classifyOutcome(answered(status), now)).toEqual({ kind: "retry" });
    expect(classifyOutcome(answered(status, { "retry-after": "whenever" }), now)).toEqual({ kind: "retry" });
  });

  it.each<SendErrorClass>([
    "timeout",
    "connection_refused",
    "connection_reset",
    "dns",
    "tls",
    "blocked_address",
    "network",
  ])("retries after a %s error", (errorClass) => {
    expect(classifyOutcome(failed(errorClass), now)).toEqual({ kind: "retry" });
  });
});
