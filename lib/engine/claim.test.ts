import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { retryDeliveryNow } from "@/lib/engine/attempt";
import { recoverDeliveries } from "@/lib/engine/retry";
import { sendDueDeliveries } from "@/lib/engine/send-due";
import { createActiveWebhook, createDelivery, createOrg } from "@/test/factories";
import { startReceiver, type Receiver } from "@/test/receiver";

// How a round of a webhook's run, and a person's Retry, claim deliveries: each calls the real
// code against a real receiver, without the executor.
let receiver: Receiver;
let orgId: string;
const person: Actor = { type: "system", label: "test" };

beforeAll(async () => {
  receiver = await startReceiver();
  const { org } = await createOrg();
  orgId = org.id;
});

afterAll(() => receiver?.close());

async function deliveryInState(
  webhookId: string,
  status: "sending" | "retrying" | "failed",
  { updatedAt = new Date(), nextAttemptAt = new Date() as Date | null } = {},
) {
  const event = await db.event.create({ data: { orgId, type: "test", payload: {}, dispatchedAt: new Date() } });
  const delivery = await createDelivery({ orgId, webhookId, status, nextAttemptAt }, [event.id]);
  await db.$executeRaw`UPDATE "Delivery" SET "updatedAt" = ${updatedAt} WHERE id = ${delivery.id}`;
  return delivery.id;
}

const freshWebhook = async (url = receiver.url) => (await createActiveWebhook(orgId, url)).id;

describe("claiming deliveries", () => {
  it("leaves a delivery another attempt has on the wire to it, and refuses a second Retry", async () => {
    const webhookId = await freshWebhook();
    const id = await deliveryInState(webhookId, "sending");
    const before = receiver.requests.length;
    expect(await sendDueDeliveries(webhookId)).toMatchObject({ sent: 0 });
    await expect(retryDeliveryNow(id, person)).rejects.toMatchObject({ code: "conflict" });
    expect(receiver.requests).toHaveLength(before);
  });

  it("takes over a delivery left 'sending' by a process that died, and sends it again", async () => {
    const webhookId = await freshWebhook();
    const id = await deliveryInState(webhookId, "sending", { updatedAt: new Date(Date.now() - 10 * 60_000) });
    expect(await sendDueDeliveries(webhookId)).toMatchObject({ sent: 1 });
    expect(await db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "succeeded" });
    expect(receiver.requests.at(-1)!.headers["webhook-id"]).toBe(id);
  });

  it("lets a round cut off by a crash take back, at once, the deliveries it had claimed", async () => {
    const webhookId = await freshWebhook();
    const id = await deliveryInState(webhookId, "sending");
    await db.delivery.update({ where: { id }, data: { claimedBy: "run-1:3" } });
    expect(await sendDueDeliveries(webhookId, { claimToken: "run-1:2" })).toMatchObject({ sent: 0 });
    expect(await sendDueDeliveries(webhookId, { claimToken: "run-1:3" })).toMatchObject({ sent: 1 });
    expect(await db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "succeeded",
      claimedBy: null,
    });
  });

  it("lets recover queue only deliveries that are still failed", async () => {
    const webhookId = await freshWebhook();
    await deliveryInState(webhookId, "retrying", { nextAttemptAt: new Date(Date.now() + 3_600_000) });
    const failed = await deliveryInState(webhookId, "failed", { nextAttemptAt: null });
    expect(await recoverDeliveries(orgId, person, webhookId, new Date(Date.now() - 60_000))).toEqual({ requeued: 1 });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: failed } })).toMatchObject({
      status: "retrying",
      resendOnce: true,
    });
  });

  it("stops scheduled attempts to a webhook waiting for its new URL's activation", async () => {
    const webhookId = await freshWebhook();
    const id = await deliveryInState(webhookId, "retrying");
    await db.webhook.update({ where: { id: webhookId }, data: { status: "pending" } });
    const before = receiver.requests.length;
    expect(await sendDueDeliveries(webhookId)).toMatchObject({ sent: 0 });
    expect(await db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "failed",
      nextAttemptAt: null,
    });
    expect(receiver.requests).toHaveLength(before);
  });

  it("keeps a delivery's next scheduled attempt when a person's Retry fails", async () => {
    const failing = await startReceiver(undefined, () => ({ status: 500 }));
    try {
      const webhookId = await freshWebhook(failing.url);
      const scheduledAt = new Date(Date.now() + 3_600_000);
      const id = await deliveryInState(webhookId, "retrying", { nextAttemptAt: scheduledAt });
      expect(await retryDeliveryNow(id, person)).toMatchObject({ success: false, status: "retrying" });
      expect(await db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "retrying",
        nextAttemptAt: scheduledAt,
      });
    } finally {
      await failing.close();
    }
  });

  it("records why an address was refused when a stored URL now resolves somewhere private", async () => {
    // As if DNS had changed since the URL was saved: the send-time check is the one that counts.
    const webhookId = await freshWebhook("http://10.20.30.40/hook");
    const id = await deliveryInState(webhookId, "retrying");
    expect(await sendDueDeliveries(webhookId)).toMatchObject({ sent: 1 });
    expect(await db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "retrying" });
    const attempt = await db.attempt.findFirstOrThrow({ where: { deliveryId: id } });
    expect(attempt).toMatchObject({ responseStatus: null, errorClass: "blocked_address" });
    expect(attempt.errorMessage).toContain("10.20.30.40 is a private");
  });

  it("never follows a redirect, even to an address it may reach: a 3xx is a recorded failure", async () => {
    const elsewhere = await startReceiver();
    const redirecting = await startReceiver(undefined, () => ({
      status: 302,
      headers: { location: "http://169.254.169.254/latest/meta-data/" },
    }));
    const chained = await startReceiver(undefined, () => ({ status: 307, headers: { location: elsewhere.url } }));
    try {
      for (const target of [redirecting, chained]) {
        const webhookId = await freshWebhook(target.url);
        const id = await deliveryInState(webhookId, "retrying");
        expect(await sendDueDeliveries(webhookId)).toMatchObject({ sent: 1 });
        expect(await db.attempt.findFirstOrThrow({ where: { deliveryId: id } })).toMatchObject({
          success: false,
          responseStatus: target === chained ? 307 : 302,
        });
      }
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await Promise.all([elsewhere.close(), redirecting.close(), chained.close()]);
    }
  });
});
