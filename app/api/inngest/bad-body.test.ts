import "@/test/engine-env";
import { describe, expect, it } from "vitest";
import * as route from "@/app/api/inngest/route";

const post = (body: string) =>
  route.POST(
    new Request("http://127.0.0.1/api/inngest?fnId=webhook-hub-deliver-webhook&stepId=step", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    }) as never,
    undefined,
  );

// Issue 11, item 9: a body that is not JSON is the caller's mistake (400), never a 500.
describe("/api/inngest with a malformed body", () => {
  it.each(["not json", "{", '{"event":', "\u0000"])("answers %j with 400 in the API's error shape", async (body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "invalid_json", message: expect.any(String), details: null },
    });
  });

  it("still refuses an unsigned JSON call (401), as before", async () => {
    const response = await post(
      JSON.stringify({ event: { name: "hub/webhook.due", data: {} }, events: [], steps: {}, version: 2, ctx: {} }),
    );
    expect(response.status).toBe(401);
  });
});
