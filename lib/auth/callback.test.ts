import { describe, expect, it } from "vitest";
import { safeAuthRedirect, safeCallback } from "@/lib/auth/callback";

// Issue 11, item 3: the open redirect after sign-in.
describe("safeCallback", () => {
  it.each([
    "/\t/evil.example",
    "/%09/evil.example".replace("%09", "\t"),
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\nSet-Cookie: x=1",
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    " /dashboard",
    "/\u0000",
    "/\ud800",
    "",
    "dashboard",
  ])("sends %j home", (value) => {
    expect(safeCallback(value)).toBe("/");
  });

  it("sends the decoded forms of the reported attack home, as the sign-in page receives them", () => {
    for (const encoded of ["/%09/evil.example", "/%0a/evil.example", "/%0d/evil.example", "/%5c/evil.example"]) {
      expect(
        safeCallback(
          new URLSearchParams(`callbackUrl=${encodeURIComponent(decodeURIComponent(encoded))}`).get("callbackUrl"),
        ),
      ).toBe("/");
    }
  });

  it.each([
    ["/", "/"],
    ["/acme/webhooks", "/acme/webhooks"],
    ["/invite/abc_DEF-123", "/invite/abc_DEF-123"],
    ["/acme/webhooks?status=failing#top", "/acme/webhooks?status=failing#top"],
    ["/acme/../account", "/account"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeCallback(value)).toBe(expected);
  });

  it("treats anything that is not a string as home", () => {
    for (const value of [null, undefined, 42, ["/a"], { toString: () => "/a" }]) expect(safeCallback(value)).toBe("/");
  });
});

describe("safeAuthRedirect (Auth.js's redirect callback)", () => {
  const baseUrl = "http://localhost:3000";
  it.each([
    ["http://localhost:3000/acme", "http://localhost:3000/acme"],
    ["/acme", "http://localhost:3000/acme"],
    ["https://evil.example/", "http://localhost:3000/"],
    ["http://localhost:3000.evil.example/", "http://localhost:3000/"],
    ["http://localhost:3000/\t/evil.example", "http://localhost:3000/"],
    ["/\t/evil.example", "http://localhost:3000/"],
  ])("turns %j into %j", (url, expected) => {
    expect(safeAuthRedirect({ url, baseUrl })).toBe(expected);
  });
});
