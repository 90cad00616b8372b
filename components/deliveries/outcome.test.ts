import { describe, expect, it } from "vitest";
import { describeOutcome } from "@/components/deliveries/outcome";

describe("an outcome in words", () => {
  it("names the status, or why no response came as a person would say it", () => {
    expect(describeOutcome(401, null)).toBe("HTTP 401");
    expect(describeOutcome(null, "connection_refused")).toBe("connection refused");
    expect(describeOutcome(null, "blocked_address")).toBe("address not allowed");
    expect(describeOutcome(null, "dns")).toBe("host name not found");
    expect(describeOutcome(null, "some_new_class")).toBe("some new class");
    expect(describeOutcome(null, null)).toBe("No response");
    expect(describeOutcome(null, null, false)).toBe("No attempt yet");
  });
});
