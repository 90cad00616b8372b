import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createOrg } from "@/test/factories";
import { startReceiver, type Receiver } from "@/test/receiver";

let engine: DeliveryEngine;
let receiver: Receiver;
// Pacing happens within a round, on the wall clock (Inngest sleeps have one-second resolution).
let wallClockReceiver: Receiver;

beforeAll(async () => {
  engine = await startDeliveryEngine();
  receiver = await startReceiver(engine.now);
  wallClockReceiver = await startReceiver(() => new Date());
});

afterAll(async () => {
  await engine?.stop();
  await receiver?.close();
  await wallClockReceiver?.close();
});

describe("per-webhook rate limit", () => {
  it("queues a burst and sends it at the webhook's pace, every gap at least 1/rate, dropping nothing", async () => {
    const { org } = await createOrg();
    const webhook = await createActiveWebhook(org.id, wallClockReceiver.url, { rateLimitPerSecond: 2 });
    const burst = 6;
    for (let n = 0; n < burst; n++) await publishEvent(org.id, { type: "test", payload: { n }, properties: {} });
    await engine.advance(0);

    expect(wallClockReceiver.requests).toHaveLength(burst);
    // Each send leaves 500 ms after the previous one was answered, on the wall clock.
    const times = wallClockReceiver.requests.map((request) => request.at.getTime());
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    expect(gaps).toHaveLength(burst - 1);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(500);
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
