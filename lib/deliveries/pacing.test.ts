import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createOrg } from "@/test/factories";
import { startReceiver, type Receiver } from "@/test/receiver";

let engine: DeliveryEngine;
let receiver: Receiver;

beforeAll(async () => {
  engine = await startDeliveryEngine();
  receiver = await startReceiver(engine.now);
});

afterAll(async () => {
  await engine?.stop();
  await receiver?.close();
});

describe("per-webhook rate limit", () => {
  it("queues a burst and sends it at the webhook's pace, dropping nothing", async () => {
    const { org } = await createOrg();
    const webhook = await createActiveWebhook(org.id, receiver.url, { rateLimitPerSecond: 2 });
    const burst = 6;
    const publishedAt = Date.now();
    for (let n = 0; n < burst; n++) await publishEvent(org.id, { type: "test", payload: { n }, properties: {} });
    await engine.advance(0);
    expect(receiver.requests.length).toBeLessThan(burst);

    await engine.advance(5000);
    expect(receiver.requests).toHaveLength(burst);
    // Slots are reserved in real time, one every 500 ms: six sends booked the webhook 3 s ahead.
    const { nextSendAt } = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(nextSendAt!.getTime() - publishedAt).toBeGreaterThanOrEqual(burst * 500);
    // And the sends were spread out on the executor's clock rather than fired together.
    const times = receiver.requests.map((request) => request.at.getTime()).sort((a, b) => a - b);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(500);
    expect(await db.delivery.count({ where: { webhookId: webhook.id, status: "succeeded" } })).toBe(burst);
  });

  it("lets an unlimited webhook send the burst at once", async () => {
    const { org } = await createOrg();
    await createActiveWebhook(org.id, receiver.url);
    const before = receiver.requests.length;
    for (let n = 0; n < 4; n++) await publishEvent(org.id, { type: "test", payload: { n }, properties: {} });
    await engine.advance(0);
    expect(receiver.requests.length - before).toBe(4);
  });
});
