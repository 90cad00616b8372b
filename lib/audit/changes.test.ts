import { describe, expect, it } from "vitest";
import { changedFields, fieldChanges } from "@/lib/audit/changes";

describe("changedFields", () => {
  it("returns only the fields that changed, each with its value before and after", () => {
    expect(
      changedFields(
        { name: "Orders", timeoutMs: 5000, active: true },
        { name: "Orders (prod)", timeoutMs: 5000, active: false },
      ),
    ).toEqual({ name: { before: "Orders", after: "Orders (prod)" }, active: { before: true, after: false } });
  });

  it("returns nothing when nothing changed", () => {
    expect(changedFields({ name: "a", triggers: ["x", "y"] }, { name: "a", triggers: ["x", "y"] })).toEqual({});
  });

  it("reports a secret as changed, never with its values", () => {
    const changes = changedFields(
      { url: "https://a.example.com", secret: "old-secret-value", token: "same-token" },
      { url: "https://a.example.com", secret: "new-secret-value", token: "same-token" },
      ["secret", "token"],
    );
    expect(changes).toEqual({ secret: { hidden: true } });
    expect(JSON.stringify(changes)).not.toContain("secret-value");
  });

  it("reports a secret set or cleared as changed, without saying to what", () => {
    expect(changedFields({ token: null }, { token: "t0ken" }, ["token"])).toEqual({ token: { hidden: true } });
    expect(changedFields({ token: "t0ken" }, { token: null }, ["token"])).toEqual({ token: { hidden: true } });
  });

  it("compares objects by value, whatever the order of their keys, and arrays in order", () => {
    expect(changedFields({ headers: { a: "1", b: "2" } }, { headers: { b: "2", a: "1" } })).toEqual({});
    expect(changedFields({ ids: ["a", "b"] }, { ids: ["b", "a"] })).toEqual({
      ids: { before: ["a", "b"], after: ["b", "a"] },
    });
    expect(
      changedFields({ retry: { schedule: "fixed" } }, { retry: { schedule: "custom", delaysSeconds: [5] } }),
    ).toEqual({
      retry: { before: { schedule: "fixed" }, after: { delaysSeconds: [5], schedule: "custom" } },
    });
  });

  it("stores dates as ISO strings and a field missing on one side as null", () => {
    const at = new Date("2026-01-02T03:04:05.000Z");
    expect(
      changedFields({ at: null, gone: "x" } as Record<string, unknown>, { at } as Record<string, unknown>),
    ).toEqual({
      at: { before: null, after: "2026-01-02T03:04:05.000Z" },
      gone: { before: "x", after: null },
    });
    expect(changedFields({ at }, { at: new Date(at) })).toEqual({});
  });

  it("gives what the dashboard's schema reads", () => {
    const changes = changedFields({ name: "a", secret: "x", limit: 1 }, { name: "b", secret: "y", limit: null }, [
      "secret",
    ]);
    expect(fieldChanges.parse(changes)).toEqual(changes);
  });
});
