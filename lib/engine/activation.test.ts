import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as refreshRoute from "@/app/api/v1/webhooks/[id]/refresh_availability_status/route";
import * as recoverRoute from "@/app/api/v1/webhooks/[id]/recover/route";
import * as testRoute from "@/app/api/v1/webhooks/test/route";
import * as webhooksRoute from "@/app/api/v1/webhooks/route";
import * as webhookRoute from "@/app/api/v1/webhooks/[id]/route";
import { db } from "@/lib/db";
import { sweepEngine } from "@/lib/engine/sweep";
import { call } from "@/test/api";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createApiToken, createDelivery, createOrg } from "@/test/factories";
import { startReceiver, type Receiver } from "@/test/receiver";

const minute = 60_000;
let engine: DeliveryEngine;
let receiver: Receiver;
let token: string;
let orgId: string;

beforeAll(async () => {
  engine = await startDeliveryEngine();
  receiver = await startReceiver(engine.now);
  const { org } = await createOrg();
  orgId = org.id;
  ({ token } = await createApiToken(orgId, ["webhooks:write", "deliveries:write"]));
});

afterAll(async () => {
  await engine?.stop();
  await receiver?.close();
});

const createWebhook = (url: string) =>
  call("POST", webhooksRoute.POST, "/api/v1/webhooks", {
    token,
    body: { name: "DeepSource", url, format: "deepsource", secret: "a-secret-of-16-chars" },
  });

describe("activation by test event (DeepSource)", () => {
  it("keeps a new webhook pending until its test event gets a 2xx", async () => {
    receiver.answer(() => ({ status: 500 }));
    const created = await createWebhook(receiver.url);
    expect(created.body.status).toBe("pending");
    await engine.advance(0);
    expect(receiver.requests.at(-1)!.body).toContain('"type":"test"');
    const stillPending = await db.webhook.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stillPending).toMatchObject({ status: "pending", statusReason: "Test event failed: HTTP 500" });

    receiver.answer(() => ({ status: 200 }));
    const refreshed = await call(
      "POST",
      refreshRoute.POST,
      `/api/v1/webhooks/${created.body.id}/refresh_availability_status`,
      { token, params: { id: created.body.id } },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ webhook: { status: "active" }, result: { success: true, status: 200 } });
    // Two test deliveries, one attempt each: the test event that failed, and the probe that passed.
    const history = await db.delivery.findMany({
      where: { webhookId: created.body.id },
      include: { attempts: true },
      orderBy: { createdAt: "asc" },
    });
    expect(
      history.map(({ isTest, status, attempts }) => ({
        isTest,
        status,
        attempts: attempts.map(({ trigger, responseStatus }) => ({ trigger, responseStatus })),
      })),
    ).toEqual([
      { isTest: true, status: "failed", attempts: [{ trigger: "test", responseStatus: 500 }] },
      { isTest: true, status: "succeeded", attempts: [{ trigger: "test", responseStatus: 200 }] },
    ]);
  });

  it("queues the test event with the webhook, so an unreachable Inngest delays activation but never loses it", async () => {
    receiver.answer(() => ({ status: 200 }));
    await engine.stopExecutor();
    const created = await call("POST", webhooksRoute.POST, "/api/v1/webhooks", {
      token,
      body: {
        name: "Created while Inngest was down",
        url: receiver.url,
        format: "deepsource",
        secret: "a-secret-of-16-chars",
      },
    });
    expect(created.status).toBe(201);
    expect(
      await db.jobOutbox.count({ where: { data: { path: ["webhookId"], equals: created.body.id }, sentAt: null } }),
    ).toBe(1);

    await engine.restartExecutor();
    const requestsBefore = receiver.requests.length;
    await sweepEngine(new Date(Date.now() + minute));
    await engine.advance(0);
    expect(receiver.requests.slice(requestsBefore).map((request) => JSON.parse(request.body).type)).toEqual(["test"]);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: created.body.id } })).status).toBe("active");
    expect(
      await db.jobOutbox.count({ where: { data: { path: ["webhookId"], equals: created.body.id }, sentAt: null } }),
    ).toBe(0);
  });

  it("activates at once when the first test event succeeds, and asks again when the URL changes", async () => {
    receiver.answer(() => ({ status: 202 }));
    const created = await createWebhook(receiver.url);
    await engine.advance(0);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: created.body.id } })).status).toBe("active");

    const moved = await call("PATCH", webhookRoute.PATCH, `/api/v1/webhooks/${created.body.id}`, {
      token,
      params: { id: created.body.id },
      body: { url: `${receiver.url}/v2` },
    });
    expect(moved.body.status).toBe("pending");
    const before = receiver.requests.length;
    await engine.advance(0);
    expect(receiver.requests).toHaveLength(before + 1);
    expect(receiver.requests.at(-1)!.path).toBe("/hook/v2");
    expect((await db.webhook.findUniqueOrThrow({ where: { id: created.body.id } })).status).toBe("active");
  });
});

describe("refresh availability (CodeScoring)", () => {
  it("re-enables a disabled webhook when its URL answers 2xx, and leaves it disabled otherwise", async () => {
    const webhook = await createActiveWebhook(orgId, receiver.url, {
      status: "disabled",
      statusReason: "The endpoint answered 410 Gone.",
    });
    receiver.answer(() => ({ status: 503 }));
    const failed = await call("POST", refreshRoute.POST, `/api/v1/webhooks/${webhook.id}/refresh_availability_status`, {
      token,
      params: { id: webhook.id },
    });
    expect(failed.body).toMatchObject({ webhook: { status: "disabled" }, result: { success: false, status: 503 } });
    receiver.answer(() => ({ status: 200, body: "back" }));
    const ok = await call("POST", refreshRoute.POST, `/api/v1/webhooks/${webhook.id}/refresh_availability_status`, {
      token,
      params: { id: webhook.id },
    });
    expect(ok.body).toMatchObject({
      webhook: { status: "active", statusReason: null },
      result: { success: true, status: 200, responseExcerpt: "back" },
    });
  });
});

describe("Test it (CodeScoring)", () => {
  it("sends the test trigger with an empty payload to an unsaved URL and reports what came back", async () => {
    receiver.answer(() => ({ status: 200, body: "hello from the receiver" }));
    const before = await db.delivery.count();
    const requestsBefore = receiver.requests.length;
    const started = performance.now();
    const tested = await call("POST", testRoute.POST, "/api/v1/webhooks/test", {
      token,
      body: { url: receiver.url, format: "codescoring", token: "t0k3n" },
    });
    const took = performance.now() - started;
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({
      success: true,
      status: 200,
      responseExcerpt: "hello from the receiver",
      errorClass: null,
    });
    // The probe's own round trip, in whole milliseconds: part of the call that asked for it.
    expect(Number.isInteger(tested.body.durationMs)).toBe(true);
    expect(tested.body.durationMs).toBeLessThanOrEqual(Math.ceil(took));
    expect(receiver.requests).toHaveLength(requestsBefore + 1);
    const request = receiver.requests.at(-1)!;
    expect(JSON.parse(request.body)).toEqual({
      events: [{ created_at: expect.any(String), trigger: "test", payload: {} }],
    });
    expect(request.headers["x-codescoring-authentication"]).toBe("t0k3n");
    expect(await db.delivery.count()).toBe(before);
  });

  it("reports an address it may not reach instead of sending", async () => {
    const tested = await call("POST", testRoute.POST, "/api/v1/webhooks/test", {
      token,
      body: { url: "http://169.254.169.254/latest/meta-data" },
    });
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ success: false, status: null, errorClass: "blocked_address" });
  });
});

describe("recover since", () => {
  it("re-sends every failed delivery since the given moment, and only those", async () => {
    const webhook = await createActiveWebhook(orgId, receiver.url);
    const old = new Date(Date.now() - 3 * 86_400_000);
    const event = await db.event.create({
      data: { orgId, type: "test", payload: { recovered: true }, dispatchedAt: new Date() },
    });
    const failedRecently = await createDelivery(
      {
        orgId,
        webhookId: webhook.id,
        status: "failed",
        attemptCount: 3,
      },
      [event.id],
    );
    const failedLongAgo = await createDelivery(
      {
        orgId,
        webhookId: webhook.id,
        status: "failed",
        createdAt: old,
      },
      [event.id],
    );
    receiver.answer(() => ({ status: 200 }));
    const before = receiver.requests.length;

    const since = new Date(Date.now() - 86_400_000).toISOString();
    const recovered = await call("POST", recoverRoute.POST, `/api/v1/webhooks/${webhook.id}/recover`, {
      token,
      params: { id: webhook.id },
      body: { since },
    });
    expect(recovered).toMatchObject({ status: 202, body: { requeued: 1 } });
    await engine.advance(0);
    expect(receiver.requests).toHaveLength(before + 1);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: failedRecently.id } })).toMatchObject({
      status: "succeeded",
      attemptCount: 4,
    });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: failedLongAgo.id } })).status).toBe("failed");

    const invalid = await call("POST", recoverRoute.POST, `/api/v1/webhooks/${webhook.id}/recover`, {
      token,
      params: { id: webhook.id },
      body: { since: "yesterday" },
    });
    expect(invalid.status).toBe(422);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const tooLate = await call("POST", recoverRoute.POST, `/api/v1/webhooks/${webhook.id}/recover`, {
      token,
      params: { id: webhook.id },
      body: { since: future },
    });
    expect(tooLate).toMatchObject({
      status: 422,
      body: {
        error: {
          code: "validation_failed",
          details: [{ path: "since", message: expect.stringContaining("in the future") }],
        },
      },
    });
  });
});
