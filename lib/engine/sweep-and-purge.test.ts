import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createDelivery, createOrg } from "@/test/factories";
import { startReceiver, type Receiver } from "@/test/receiver";

const minute = 60_000;
const day = 86_400_000;
let engine: DeliveryEngine;
let receiver: Receiver;
let orgId: string;
let webhookId: string;

beforeAll(async () => {
  engine = await startDeliveryEngine({ crons: true });
  receiver = await startReceiver(engine.now);
  const { org } = await createOrg();
  orgId = org.id;
  webhookId = (await createActiveWebhook(orgId, receiver.url)).id;
});

afterAll(async () => {
  await engine?.stop();
  await receiver?.close();
});

describe("sweeper cron", () => {
  it("hands over an event that was stored while Inngest was unreachable, and it is delivered", async () => {
    // What publishEvent leaves behind when the hand-over fails: a stored, undispatched row.
    const event = await db.event.create({
      data: { orgId, type: "test", payload: { stranded: true }, createdAt: new Date(Date.now() - minute) },
    });
    await engine.advance(11 * minute);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).dispatchedAt).not.toBeNull();
    expect(receiver.requests.map((request) => JSON.parse(request.body).data)).toContainEqual({ stranded: true });
  });

  it("starts the run of a webhook whose claim's process died before it could start one", async () => {
    // What a publish leaves behind when its process dies between the commit and the wake.
    const claimedAt = new Date(Date.now() - minute);
    const event = await db.event.create({
      data: { orgId, type: "test", payload: { claimedThenCrashed: true }, dispatchedAt: claimedAt },
    });
    await createDelivery(
      {
        orgId,
        webhookId,
        status: "pending",
        nextAttemptAt: claimedAt,
      },
      [event.id],
    );
    await db.webhook.update({ where: { id: webhookId }, data: { drainingSince: claimedAt } });
    // Well inside the ten minutes after which a claim counts as abandoned.
    await engine.advance(2 * minute);
    expect(receiver.requests.map((request) => JSON.parse(request.body).data)).toContainEqual({
      claimedThenCrashed: true,
    });
  });
});

describe("purge cron", () => {
  it("deletes finished history older than the org's retention and keeps the rest", async () => {
    const old = new Date(Date.now() - 31 * day);
    const event = await db.event.create({
      data: { orgId, type: "test", payload: {}, dispatchedAt: old, createdAt: old },
    });
    const expired = await createDelivery({ orgId, webhookId, status: "succeeded", createdAt: old }, [event.id]);
    const stillRetrying = await db.delivery.create({ data: { orgId, webhookId, status: "retrying", createdAt: old } });
    const recent = await db.delivery.create({ data: { orgId, webhookId, status: "failed" } });
    await engine.advance(61 * minute);
    expect(await db.delivery.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await db.event.findUnique({ where: { id: event.id } })).toBeNull();
    expect(await db.delivery.findUnique({ where: { id: stillRetrying.id } })).not.toBeNull();
    expect(await db.delivery.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});
