import { describe, expect, it } from "vitest";
import { matchesExpression, parseExpression } from "@/tools/inngest-local/expressions";

describe("matchesExpression", () => {
  const event = {
    name: "hub/webhook.recovered",
    data: { webhookId: "wh_1", attempts: 3, flag: true, nested: { "odd key": "x" } },
  };

  it("compares paths with literals and with other paths", () => {
    expect(matchesExpression("event.data.webhookId == 'wh_1'", { event })).toBe(true);
    expect(matchesExpression('event.data.webhookId != "wh_1"', { event })).toBe(false);
    expect(
      matchesExpression("event.data.webhookId == async.data.webhookId", {
        event,
        async: { data: { webhookId: "wh_1" } },
      }),
    ).toBe(true);
    expect(
      matchesExpression("event.data.webhookId == async.data.webhookId", {
        event,
        async: { data: { webhookId: "wh_2" } },
      }),
    ).toBe(false);
    expect(matchesExpression("event.data.attempts >= 3 && event.data.attempts < 4", { event })).toBe(true);
    expect(matchesExpression("event.data.nested['odd key'] == 'x'", { event })).toBe(true);
  });

  it("combines with ||, && and !, && binding tighter", () => {
    expect(
      matchesExpression("event.data.flag == false || event.data.attempts == 3 && !(event.data.webhookId == 'wh_2')", {
        event,
      }),
    ).toBe(true);
    expect(
      matchesExpression("(event.data.flag == false || event.data.attempts == 3) && event.data.webhookId == 'wh_2'", {
        event,
      }),
    ).toBe(false);
    expect(matchesExpression("event.data.flag", { event })).toBe(true);
  });

  it("never matches a missing field, not even against another missing field", () => {
    expect(matchesExpression("event.data.missing == async.data.missing", { event, async: { data: {} } })).toBe(false);
    expect(matchesExpression("event.data.missing == null", { event })).toBe(false);
  });

  it("rejects syntax it does not support", () => {
    expect(() => parseExpression("event.data.a + 1 == 2")).toThrow(/cannot read/);
    expect(() => parseExpression("event.data.a ==")).toThrow(/ends too early/);
    expect(() => parseExpression("(event.data.a == 1")).toThrow(/expected "\)"/);
  });
});
