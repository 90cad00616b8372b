import { describe, expect, it } from "vitest";
import { batchingFormats, buildRequest } from "@/lib/wire/formats";
import { formatInput, parsedBody, testEvent } from "@/lib/wire/formats/test-input";
import { webhookFormats } from "@/lib/webhooks/presets";

describe("buildRequest, for every format", () => {
  it.each(webhookFormats)(
    "%s: POSTs UTF-8 JSON to the webhook's URL as WebhookHub/1.0, with its extra headers",
    (format) => {
      const request = buildRequest(formatInput({ format, headers: { "X-Team": "payments" } }));
      expect(request.url).toBe("https://receiver.example/hook");
      expect(request.headers).toMatchObject({
        "content-type": "application/json; charset=utf-8",
        "user-agent": "WebhookHub/1.0",
        "x-team": "payments",
      });
      expect(() => JSON.parse(request.body)).not.toThrow();
    },
  );

  it.each(webhookFormats)("%s: merges the extra payload over the top level, as DejaCode does", (format) => {
    const request = buildRequest(formatInput({ format, extraPayload: { environment: "prod", nested: { a: 1 } } }));
    expect(parsedBody(request.body)).toMatchObject({ environment: "prod", nested: { a: 1 } });
  });

  it.each(webhookFormats)("%s: sends URL credentials as Basic auth", (format) => {
    const request = buildRequest(formatInput({ format, basicAuth: { username: "ci", password: "p:ss wörd" } }));
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("ci:p:ss wörd").toString("base64")}`);
  });

  it.each(webhookFormats.filter((format) => format !== "codescoring"))(
    "%s: sends the token as a bearer token",
    (format) => {
      expect(buildRequest(formatInput({ format, token: "tok-123" })).headers.authorization).toBe("Bearer tok-123");
    },
  );

  it("lets URL credentials take Authorization over a token", () => {
    const request = buildRequest(formatInput({ token: "tok-123", basicAuth: { username: "ci", password: "pw" } }));
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("ci:pw").toString("base64")}`);
  });

  it("keeps the hub's own headers over an extra header of the same name, whatever its case", () => {
    const request = buildRequest(formatInput({ headers: { "Content-Type": "text/plain", "Webhook-Id": "forged" } }));
    expect(request.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(request.headers["webhook-id"]).toBe("dlv_1");
    expect(Object.keys(request.headers).filter((name) => name.toLowerCase() === "content-type")).toEqual([
      "content-type",
    ]);
  });

  it.each(webhookFormats.filter((format) => !batchingFormats.includes(format)))(
    "%s: refuses anything but exactly one event",
    (format) => {
      expect(() => buildRequest(formatInput({ format }, [testEvent(), testEvent({ id: "evt_2" })]))).toThrow(
        "exactly one event",
      );
      expect(() => buildRequest(formatInput({ format }, []))).toThrow("exactly one event");
    },
  );

  it.each(batchingFormats)("%s: refuses an empty batch", (format) => {
    expect(() => buildRequest(formatInput({ format }, []))).toThrow("at least one event");
  });

  it("batches only CodeScoring and Standard Webhooks", () => {
    expect([...batchingFormats].sort()).toEqual(["codescoring", "standard"]);
  });
});
