import "@/test/engine-env";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as deliveryRoute from "@/app/api/v1/deliveries/[id]/route";
import * as retryRoute from "@/app/api/v1/deliveries/[id]/retry/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as historyRoute from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createApiToken, createOrg, createProjectRow } from "@/test/factories";
import { startReceiver, type Receiver } from "@/test/receiver";
import { deliveryIdsCarrying } from "@/test/links";

const secret = `whsec_${Buffer.from("a-standard-webhooks-test-secret!").toString("base64")}`;
let engine: DeliveryEngine;
let receiver: Receiver;
let token: string;
let orgId: string;
let projectKey: string;
let webhookId: string;

beforeAll(async () => {
  engine = await startDeliveryEngine();
  receiver = await startReceiver(engine.now);
  const { org } = await createOrg();
  orgId = org.id;
  ({ token } = await createApiToken(orgId, ["events:write", "deliveries:write"]));
  projectKey = (await createProjectRow(orgId, "billing")).key;
  webhookId = (await createActiveWebhook(orgId, receiver.url, { format: "standard", secret })).id;
});

afterAll(async () => {
  await engine?.stop();
  await receiver?.close();
});

async function publish(body: unknown) {
  const response = await call("POST", eventsRoute.POST, "/api/v1/events", { token, body });
  expect(response.status).toBe(202);
  return response.body.id as string;
}

describe("delivery to a Standard Webhooks receiver", () => {
  it("delivers a published event that the official standardwebhooks package verifies", async () => {
    const eventId = await publish({
      type: "project_sca_analysis_finished",
      project: projectKey,
      payload: { score: 9, project: "billing" },
    });
    await engine.advance(0);

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    const verified = new StandardWebhook(secret).verify(request!.body, request!.headers as Record<string, string>) as {
      type: string;
      data: unknown;
    };
    expect(verified).toMatchObject({ type: "project_sca_analysis_finished", data: { score: 9, project: "billing" } });

    const delivery = await db.delivery.findFirstOrThrow({
      where: { webhookId, id: { in: await deliveryIdsCarrying([eventId]) } },
      include: { attempts: true },
    });
    expect(request!.headers["webhook-id"]).toBe(delivery.id);
    expect(delivery).toMatchObject({ status: "succeeded", attemptCount: 1 });
    expect(delivery.attempts[0]).toMatchObject({
      success: true,
      responseStatus: 200,
      responseBody: "ok",
      trigger: "scheduled",
    });
    expect(JSON.stringify(delivery.attempts[0]!.requestHeaders)).not.toContain(
      String(request!.headers["webhook-signature"]),
    );
    expect((await db.event.findUniqueOrThrow({ where: { id: eventId } })).dispatchedAt).not.toBeNull();
  });

  it("shows the history newest first, with every attempt's request and response", async () => {
    const eventId = await publish({ type: "test", payload: { n: 2 } });
    await engine.advance(0);
    const history = await call("GET", historyRoute.GET, `/api/v1/webhooks/${webhookId}/deliveries`, {
      token,
      params: { id: webhookId },
    });
    expect(history.status).toBe(200);
    const latest = history.body.data[0];
    expect(latest).toMatchObject({
      status: "succeeded",
      eventTypes: ["test"],
      eventCount: 1,
      attemptCount: 1,
      lastResponseStatus: 200,
    });

    const detail = await call("GET", deliveryRoute.GET, `/api/v1/deliveries/${latest.id}`, {
      token,
      params: { id: latest.id },
    });
    expect(detail.body.events).toEqual([expect.objectContaining({ id: eventId, type: "test" })]);
    expect(detail.body.attempts[0]).toMatchObject({
      number: 1,
      success: true,
      responseStatus: 200,
      requestUrl: receiver.url,
    });
    expect(JSON.parse(detail.body.attempts[0].requestBody)).toMatchObject({ type: "test", data: { n: 2 } });

    const filtered = await call("GET", historyRoute.GET, `/api/v1/webhooks/${webhookId}/deliveries`, {
      token,
      params: { id: webhookId },
      query: { status: "failed" },
    });
    expect(filtered.body.data).toEqual([]);
  });

  it("sends a delivery again on Retry, with the same delivery id, and records a manual attempt", async () => {
    const [delivery] = (
      await call("GET", historyRoute.GET, `/api/v1/webhooks/${webhookId}/deliveries`, {
        token,
        params: { id: webhookId },
      })
    ).body.data;
    const before = receiver.requests.length;
    const retried = await call("POST", retryRoute.POST, `/api/v1/deliveries/${delivery.id}/retry`, {
      token,
      params: { id: delivery.id },
    });
    expect(retried.status).toBe(200);
    expect(retried.body.attempt).toMatchObject({ number: 2, trigger: "manual", success: true });
    expect(receiver.requests).toHaveLength(before + 1);
    expect(receiver.requests.at(-1)!.headers["webhook-id"]).toBe(delivery.id);
  });

  it("keeps another organization's deliveries out of reach", async () => {
    const { org: other } = await createOrg();
    const { token: otherToken } = await createApiToken(other.id, ["deliveries:write"]);
    const [delivery] = (
      await call("GET", historyRoute.GET, `/api/v1/webhooks/${webhookId}/deliveries`, {
        token,
        params: { id: webhookId },
      })
    ).body.data;
    const before = receiver.requests.length;
    for (const [handler, method, path, id] of [
      [historyRoute.GET, "GET", `/api/v1/webhooks/${webhookId}/deliveries`, webhookId],
      [deliveryRoute.GET, "GET", `/api/v1/deliveries/${delivery.id}`, delivery.id],
      [retryRoute.POST, "POST", `/api/v1/deliveries/${delivery.id}/retry`, delivery.id],
    ] as const) {
      const response = await call(method, handler, path, { token: otherToken, params: { id } });
      expect(response.status).toBe(404);
    }
    expect(receiver.requests).toHaveLength(before);
  });
});
