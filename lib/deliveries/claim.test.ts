import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptDelivery } from "@/lib/deliveries/attempt";
import { createActiveWebhook, createOrg } from "@/test/factories";
import { startReceiver, type Receiver } from "@/test/receiver";

let receiver: Receiver;
let orgId: string;
let webhookId: string;

beforeAll(async () => {
  receiver = await startReceiver();
  const { org } = await createOrg();
  orgId = org.id;
  webhookId = (await createActiveWebhook(orgId, receiver.url)).id;
});

afterAll(() => receiver?.close());

async function deliveryInState(status: "sending" | "retrying", updatedAt = new Date()) {
  const event = await db.event.create({ data: { orgId, type: "test", payload: {}, dispatchedAt: new Date() } });
  const delivery = await db.delivery.create({ data: { orgId, webhookId, status, events: { create: { eventId: event.id } } } });
  await db.$executeRaw`UPDATE "Delivery" SET "updatedAt" = ${updatedAt} WHERE id = ${delivery.id}`;
  return delivery.id;
}

describe("claiming a delivery for an attempt", () => {
  it("makes a scheduled attempt wait while another attempt is on the wire, and refuses a second Retry", async () => {
    const id = await deliveryInState("sending");
    const report = await attemptDelivery(id, "scheduled");
    expect(report).toMatchObject({ attemptId: null, status: "sending", retryInMs: 10_000 });
    await expect(attemptDelivery(id, "manual")).rejects.toMatchObject({ code: "conflict" });
    expect(receiver.requests).toHaveLength(0);
  });

  it("takes over a delivery left 'sending' by a process that died, and sends it again", async () => {
    const id = await deliveryInState("sending", new Date(Date.now() - 10 * 60_000));
    const report = await attemptDelivery(id, "scheduled");
    expect(report).toMatchObject({ status: "succeeded", success: true });
    expect(receiver.requests.at(-1)!.headers["webhook-id"]).toBe(id);
  });

  it("lets recover send only deliveries that are still failed", async () => {
    const id = await deliveryInState("retrying");
    const before = receiver.requests.length;
    expect(await attemptDelivery(id, "manual", { onlyFailed: true })).toMatchObject({ attemptId: null, status: "retrying" });
    expect(receiver.requests).toHaveLength(before);
  });

  it("stops scheduled attempts to a webhook waiting for its new URL's activation", async () => {
    const id = await deliveryInState("retrying");
    await db.webhook.update({ where: { id: webhookId }, data: { status: "pending" } });
    const before = receiver.requests.length;
    expect(await attemptDelivery(id, "scheduled")).toMatchObject({ status: "failed", retryInMs: null });
    expect(receiver.requests).toHaveLength(before);
    await db.webhook.update({ where: { id: webhookId }, data: { status: "active" } });
  });

  it("records why an address was refused when a stored URL now resolves somewhere private", async () => {
    // As if DNS had changed since the URL was saved: the send-time check is the one that counts.
    const webhook = await createActiveWebhook(orgId, "http://10.20.30.40/hook");
    const event = await db.event.create({ data: { orgId, type: "test", payload: {}, dispatchedAt: new Date() } });
    const delivery = await db.delivery.create({ data: { orgId, webhookId: webhook.id, events: { create: { eventId: event.id } } } });
    expect(await attemptDelivery(delivery.id, "scheduled")).toMatchObject({ success: false, status: "retrying" });
    const attempt = await db.attempt.findFirstOrThrow({ where: { deliveryId: delivery.id } });
    expect(attempt).toMatchObject({ responseStatus: null, errorClass: "blocked_address" });
    expect(attempt.errorMessage).toContain("10.20.30.40 is a private");
  });

  it("never follows a redirect, even to an address it may reach: a 3xx is a recorded failure", async () => {
    const elsewhere = await startReceiver();
    const redirecting = await startReceiver(undefined, () => ({ status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } }));
    const chained = await startReceiver(undefined, () => ({ status: 307, headers: { location: elsewhere.url } }));
    try {
      for (const target of [redirecting, chained]) {
        const webhook = await createActiveWebhook(orgId, target.url);
        const event = await db.event.create({ data: { orgId, type: "test", payload: {}, dispatchedAt: new Date() } });
        const delivery = await db.delivery.create({ data: { orgId, webhookId: webhook.id, events: { create: { eventId: event.id } } } });
        expect(await attemptDelivery(delivery.id, "scheduled")).toMatchObject({ success: false, status: "retrying" });
        expect(await db.attempt.findFirstOrThrow({ where: { deliveryId: delivery.id } })).toMatchObject({ success: false, responseStatus: target === chained ? 307 : 302 });
      }
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await Promise.all([elsewhere.close(), redirecting.close(), chained.close()]);
    }
  });
});
