import { describe, expect, it } from "vitest";
import { refuseForeignServerAction } from "@/lib/http/action-origin";
import { proxy } from "@/proxy";
import { NextRequest } from "next/server";

// Issue 11, item 9: a server action posted with a foreign Origin answered 500; it is a 403 now.
const action = (headers: Record<string, string>) =>
  new NextRequest("http://hub.example.com/sign-in", {
    method: "POST",
    headers: { "next-action": "7f3a", host: "hub.example.com", ...headers },
    body: "[]",
  });

describe("server actions from another site", () => {
  it.each([
    { origin: "https://evil.example" },
    { origin: "null" },
    { origin: "not a url" },
    { origin: "https://hub.example.com.evil.example" },
  ])("are refused with 403 in the error shape (%j)", async (headers) => {
    const response = proxy(action(headers));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "forbidden", message: expect.any(String), details: null } });
  });

  it("pass from the site itself, behind a proxy, without an Origin, and for anything that is not an action", () => {
    expect(refuseForeignServerAction(action({ origin: "http://hub.example.com" }))).toBeNull();
    expect(
      refuseForeignServerAction(action({ origin: "https://public.example", "x-forwarded-host": "public.example" })),
    ).toBeNull();
    expect(refuseForeignServerAction(action({}))).toBeNull();
    expect(
      refuseForeignServerAction(
        new NextRequest("http://hub.example.com/sign-in", {
          method: "POST",
          headers: { origin: "https://evil.example" },
          body: "x",
        }),
      ),
    ).toBeNull();
    expect(proxy(new NextRequest("http://hub.example.com/acme")).headers.get("x-middleware-next")).toBe("1");
  });
});
