import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const through = (path: string) => proxy(new NextRequest(new URL(path, "http://localhost:3000")));

describe("trailing slashes", () => {
  it("serves API paths with a trailing slash in place, without a redirect (CodeScoring writes them so)", () => {
    for (const path of [
      "/api/settings/webhooks/",
      "/api/settings/webhooks/wh_1/refresh_availability_status/",
      "/api/v1/webhooks/",
    ]) {
      const response = through(path);
      expect(response.status, path).toBe(200);
      expect(new URL(response.headers.get("x-middleware-rewrite")!).pathname, path).toBe(path.slice(0, -1));
    }
  });

  it("leaves paths without one alone, and still redirects pages to the slash-less URL", () => {
    expect(through("/api/settings/webhooks").headers.get("x-middleware-rewrite")).toBeNull();
    expect(through("/api/settings/webhooks").headers.get("x-middleware-next")).toBe("1");
    const page = through("/acme/webhooks/");
    expect(page.status).toBe(308);
    expect(new URL(page.headers.get("location")!).pathname).toBe("/acme/webhooks");
  });
});
