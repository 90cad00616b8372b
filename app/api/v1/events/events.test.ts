import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/events/route";
import * as item from "@/app/api/v1/events/[id]/route";
import * as eventTypes from "@/app/api/v1/event-types/route";
import { db } from "@/lib/db";
import { forgetCatalog } from "@/lib/event-types/trigger-cache";
import { call } from "@/test/api";
import { createApiToken, createOrg, createProjectRow } from "@/test/factories";

let token: string;
let orgId: string;
let projectKey: string;
let otherOrg: { id: string; token: string; projectKey: string };

beforeAll(async () => {
  const { org } = await createOrg();
  orgId = org.id;
  ({ token } = await createApiToken(org.id, ["events:write", "webhooks:write"]));
  projectKey = (await createProjectRow(org.id, "web-app")).key;
  const other = await createOrg();
  otherOrg = {
    id: other.org.id,
    token: (await createApiToken(other.org.id, ["events:write"])).token,
    projectKey: (await createProjectRow(other.org.id, "secret-project")).key,
  };
});

const publish = (body: unknown, caller = token) =>
  call("POST", collection.POST, "/api/v1/events", { token: caller, body });

describe("POST /api/v1/events", () => {
  it("stores the event before answering 202 with its id", async () => {
    const response = await publish({
      type: "project_sca_analysis_finished",
      project: projectKey,
      payload: { score: 7 },
      properties: { "sonar.analysis.buildId": "42" },
    });
    expect(response.status).toBe(202);
    expect(response.body.id).toMatch(/^evt_[0-9a-f]{32}$/);
    const stored = await db.event.findUniqueOrThrow({ where: { id: response.body.id }, include: { project: true } });
    expect(stored).toMatchObject({
      orgId,
      type: "project_sca_analysis_finished",
      payload: { score: 7 },
      properties: { "sonar.analysis.buildId": "42" },
    });
    expect(stored.project?.key).toBe(projectKey);
  });

  it("answers a repeated idempotency key with the first event, and stores it once, even when the requests race", async () => {
    const body = { type: "test", payload: {}, idempotencyKey: "order-1001" };
    const first = await publish(body);
    const repeats = await Promise.all(Array.from({ length: 5 }, () => publish(body)));
    for (const repeat of repeats) expect(repeat).toMatchObject({ status: 202, body: { id: first.body.id } });
    expect(await db.event.count({ where: { orgId, idempotencyKey: "order-1001" } })).toBe(1);

    const raced = await Promise.all(
      Array.from({ length: 5 }, () => publish({ ...body, idempotencyKey: "order-1002" })),
    );
    expect(new Set(raced.map((response) => response.body.id)).size).toBe(1);
    expect(await db.event.count({ where: { orgId, idempotencyKey: "order-1002" } })).toBe(1);
  });

  it("refuses an idempotency key reused with a different request (409), by header or body, and keeps answering the identical one", async () => {
    const first = await publish({ type: "test", payload: { amount: 10 }, idempotencyKey: "charge-7" });
    expect(first.status).toBe(202);
    const different = await publish({ type: "test", payload: { amount: 11 }, idempotencyKey: "charge-7" });
    expect(different).toMatchObject({
      status: 409,
      body: { error: { code: "idempotency_key_reused", details: [{ path: "idempotencyKey" }] } },
    });
    const byHeader = await call("POST", collection.POST, "/api/v1/events", {
      token,
      body: { type: "test", payload: { amount: 12 } },
      headers: { "idempotency-key": "charge-7" },
    });
    expect(byHeader.status).toBe(409);
    // Key order in the payload does not make a request different.
    const identical = await publish({ type: "test", idempotencyKey: "charge-7", payload: { amount: 10 } });
    expect(identical).toMatchObject({ status: 202, body: { id: first.body.id } });
    expect(await db.event.count({ where: { orgId, idempotencyKey: "charge-7" } })).toBe(1);

    // In a batch, a reused key refuses the whole batch and stores nothing.
    const batch = await publish([
      { type: "test", payload: { n: 1 }, idempotencyKey: "batch-new-1" },
      { type: "test", payload: { amount: 99 }, idempotencyKey: "charge-7" },
    ]);
    expect(batch).toMatchObject({
      status: 409,
      body: { error: { code: "idempotency_key_reused", details: [{ path: "1.idempotencyKey" }] } },
    });
    expect(await db.event.count({ where: { orgId, idempotencyKey: "batch-new-1" } })).toBe(0);
  });

  it("keeps idempotency keys per organization", async () => {
    const mine = await publish({ type: "test", idempotencyKey: "shared-key" });
    const theirs = await publish({ type: "test", idempotencyKey: "shared-key" }, otherOrg.token);
    expect(theirs.status).toBe(202);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it("refuses triggers outside the catalog and payloads that break the trigger's JSON Schema", async () => {
    const unknown = await publish({ type: "no.such.trigger", payload: {} });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toEqual([{ path: "type", message: expect.stringContaining("Unknown trigger") }]);

    const created = await call("POST", eventTypes.POST, "/api/v1/event-types", {
      token,
      body: {
        name: "invoice.paid",
        schema: { type: "object", properties: { amount: { type: "number" } }, required: ["amount"] },
      },
    });
    expect(created.status).toBe(201);
    const invalid = await publish({ type: "invoice.paid", payload: { amount: "ten" } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details[0].path).toBe("payload.amount");
    expect((await publish({ type: "invoice.paid", payload: { amount: 10 } })).status).toBe(202);
  });

  it("validates payloads against a custom trigger's schema end to end: patterns, patternProperties, required, nested objects", async () => {
    const schema = {
      type: "object",
      required: ["order"],
      properties: {
        order: {
          type: "object",
          required: ["id", "customer"],
          properties: {
            id: { type: "string", pattern: "^ord_[0-9]{4}$" },
            customer: { type: "object", required: ["email"], properties: { email: { type: "string" } } },
            labels: {
              type: "object",
              patternProperties: { "^[a-z]+$": { type: "string" } },
              additionalProperties: false,
            },
          },
        },
      },
    };
    expect(
      (await call("POST", eventTypes.POST, "/api/v1/event-types", { token, body: { name: "order.placed", schema } }))
        .status,
    ).toBe(201);
    const order = { id: "ord_0042", customer: { email: "ada@example.com" }, labels: { channel: "web" } };
    expect((await publish({ type: "order.placed", payload: { order } })).status).toBe(202);

    const cases: Array<[unknown, { path: string; message: string }]> = [
      [{}, { path: "payload.order", message: "Required." }],
      [
        { order: { ...order, id: "42" } },
        { path: "payload.order.id", message: 'Must match the pattern "^ord_[0-9]{4}$".' },
      ],
      [{ order: { ...order, customer: {} } }, { path: "payload.order.customer.email", message: "Required." }],
      [
        { order: { ...order, labels: { channel: 7 } } },
        { path: "payload.order.labels.channel", message: "Expected string." },
      ],
      [
        { order: { ...order, labels: { Channel: "web" } } },
        { path: "payload.order.labels.Channel", message: expect.stringContaining("does not list this property") },
      ],
    ];
    for (const [payload, detail] of cases) {
      const response = await publish({ type: "order.placed", payload });
      expect({ status: response.status, code: response.body.error.code, details: response.body.error.details }).toEqual(
        { status: 422, code: "validation_failed", details: [detail] },
      );
    }
  });

  it("answers a catastrophic pattern at once, without blocking the event loop", async () => {
    const schema = { type: "object", properties: { s: { type: "string", pattern: "^(a+)+$" } } };
    expect(
      (await call("POST", eventTypes.POST, "/api/v1/event-types", { token, body: { name: "redos.check", schema } }))
        .status,
    ).toBe(201);
    // A backtracking engine needs about 2^30 steps for this (over ten seconds); RE2 needs 31.
    const started = performance.now();
    const response = await publish({ type: "redos.check", payload: { s: `${"a".repeat(30)}!` } });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(response.status).toBe(422);
    expect(response.body.error.details).toEqual([{ path: "payload.s", message: 'Must match the pattern "^(a+)+$".' }]);
    expect((await publish({ type: "redos.check", payload: { s: "a".repeat(30) } })).status).toBe(202);
  });

  it("answers 422, not 500, for a trigger whose stored schema predates the checks", async () => {
    await db.eventType.create({ data: { orgId, name: "legacy.recursive", source: "custom", schema: { $ref: "#" } } });
    // Written behind the API's back, so this instance is told as the API would tell it.
    forgetCatalog(orgId);
    const response = await publish({ type: "legacy.recursive", payload: {} });
    expect(response.status).toBe(422);
    expect(response.body.error.details).toEqual([
      { path: "payload", message: expect.stringContaining("fix the trigger") },
    ]);
  });

  it("refuses a project of another organization as if it did not exist", async () => {
    const response = await publish({ type: "test", project: otherOrg.projectKey });
    expect(response.status).toBe(422);
    expect(response.body.error.details[0].path).toBe("project");
    expect(await db.event.count({ where: { orgId, project: { key: otherOrg.projectKey } } })).toBe(0);
  });

  it("answers bad input with 4xx and the error shape, and stores nothing", async () => {
    const before = await db.event.count({ where: { orgId } });
    const cases = [
      { rawBody: "{not json", status: 400, code: "invalid_json" },
      {
        rawBody: JSON.stringify({ type: "test" }),
        contentType: "text/plain",
        status: 415,
        code: "unsupported_media_type",
      },
      {
        rawBody: JSON.stringify({ type: "test", payload: { blob: "x".repeat(300 * 1024) } }),
        status: 413,
        code: "payload_too_large",
      },
      { rawBody: JSON.stringify({ type: "test", payload: [1, 2] }), status: 422, code: "validation_failed" },
      { rawBody: JSON.stringify({ type: "test", orgId: otherOrg.id }), status: 422, code: "validation_failed" },
      {
        rawBody: JSON.stringify({ type: "test", payload: { text: "a\u0000b" } }),
        status: 422,
        code: "validation_failed",
      },
      {
        rawBody: `{"type":"test","payload":{"a":${"[".repeat(50_000)}${"]".repeat(50_000)}}}`,
        status: 422,
        code: "validation_failed",
      },
    ];
    for (const { rawBody, contentType, status, code } of cases) {
      const response = await call("POST", collection.POST, "/api/v1/events", { token, rawBody, contentType });
      expect({ status: response.status, code: response.body.error.code }).toEqual({ status, code });
    }
    expect(await db.event.count({ where: { orgId } })).toBe(before);
  });

  it("refuses a __proto__ key at any depth, naming where, rather than store the payload without it", async () => {
    const before = await db.event.count({ where: { orgId } });
    for (const [rawBody, path] of [
      ['{"type":"test","payload":{"__proto__":{"admin":true},"order":1}}', "payload.__proto__"],
      [
        '{"type":"test","payload":{"order":{"lines":[{"__proto__":{"admin":true}}]}}}',
        "payload.order.lines.0.__proto__",
      ],
    ]) {
      const response = await call("POST", collection.POST, "/api/v1/events", { token, rawBody });
      expect(response.status).toBe(422);
      expect(response.body.error.details).toEqual([{ path, message: expect.stringContaining('"__proto__"') }]);
    }
    expect(await db.event.count({ where: { orgId } })).toBe(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("needs the events:write scope", async () => {
    const { token: readOnly } = await createApiToken(orgId, ["events:read"]);
    const response = await publish({ type: "test" }, readOnly);
    expect(response.status).toBe(403);
  });
});

describe("GET /api/v1/events", () => {
  it("lists the org's events newest first, filtered by type, and never another org's", async () => {
    const mine = await publish({ type: "project_sca_analysis_finished", project: projectKey });
    const theirs = await publish({ type: "test" }, otherOrg.token);
    const listed = await call("GET", collection.GET, "/api/v1/events", {
      token,
      query: { type: "project_sca_analysis_finished" },
    });
    expect(listed.status).toBe(200);
    expect(listed.body.data[0].id).toBe(mine.body.id);
    expect(listed.body.data.every((event: { type: string }) => event.type === "project_sca_analysis_finished")).toBe(
      true,
    );
    const ids = listed.body.data.map((event: { id: string }) => event.id);
    expect(ids).not.toContain(theirs.body.id);

    const fetched = await call("GET", item.GET, `/api/v1/events/${mine.body.id}`, {
      token,
      params: { id: mine.body.id },
    });
    expect(fetched.body).toMatchObject({ id: mine.body.id, deliveries: [] });
    const foreign = await call("GET", item.GET, `/api/v1/events/${theirs.body.id}`, {
      token,
      params: { id: theirs.body.id },
    });
    expect(foreign.status).toBe(404);
  });
});
