import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { logger } from "@/lib/observability/logger";
import { captureLogs, type CapturedLogs } from "@/test/logs";
import { createApiToken, createOrg } from "@/test/factories";

let token: string;
let logs: CapturedLogs;

beforeAll(async () => {
  const { org } = await createOrg();
  ({ token } = await createApiToken(org.id, ["events:read"]));
});

afterEach(() => logs?.stop());

const logsInside = withOrg(
  async (_request, { org }) => {
    logger.info({ orgId: org.id }, "inside the handler");
    return json({ ok: true });
  },
  { permission: "events:read" },
);

const failsUnexpectedly = withOrg(
  async () => {
    throw new Error("database exploded: password=hunter2");
  },
  { permission: "events:read" },
);

function call(handler: typeof logsInside, headers: Record<string, string> = {}) {
  const request = new Request("http://localhost:3000/api/v1/anything", {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  return handler(request, { params: Promise.resolve({}) });
}

describe("request ids", () => {
  it("tag every log line written inside withOrg with the id the response header echoes", async () => {
    logs = captureLogs();
    const response = await call(logsInside);
    expect(response.status).toBe(200);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^req_[0-9a-f]{32}$/);
    expect(logs.lines()).toEqual([expect.objectContaining({ level: "info", msg: "inside the handler", requestId })]);
  });

  it("keep a sane x-request-id from the caller and replace one that is not", async () => {
    logs = captureLogs();
    const kept = await call(logsInside, { "x-request-id": "lb-7f3a.42:retry_1" });
    expect(kept.headers.get("x-request-id")).toBe("lb-7f3a.42:retry_1");
    const replaced = [];
    for (const unsafe of ["has spaces", 'quote"d', "x".repeat(129)])
      replaced.push(await call(logsInside, { "x-request-id": unsafe }));
    const replacedIds = replaced.map((response) => response.headers.get("x-request-id"));
    for (const id of replacedIds) expect(id).toMatch(/^req_[0-9a-f]{32}$/);
    expect(logs.lines().map((line) => line.requestId)).toEqual(["lb-7f3a.42:retry_1", ...replacedIds]);
  });

  it("tag the log line of an unexpected error, which the caller sees only as a generic 500", async () => {
    logs = captureLogs();
    const response = await call(failsUnexpectedly);
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({
      error: { code: "internal_error", message: "Something went wrong on our side.", details: null },
    });
    const [line] = logs.lines();
    expect(line).toMatchObject({
      level: "error",
      requestId: response.headers.get("x-request-id"),
      err: { message: "database exploded: password=hunter2" },
    });
  });

  it("leave lines written outside a request without a request id", () => {
    logs = captureLogs();
    logger.info("between requests");
    expect(logs.lines()[0]).not.toHaveProperty("requestId");
  });
});
