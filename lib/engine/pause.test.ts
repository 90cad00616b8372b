import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/v1/webhooks/[id]/route";
import { db } from "@/lib/db";
import { purgeHistory } from "@/lib/history/purge";
import { publishEvent } from "@/lib/events/publish";
import { call } from "@/test/api";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createApiToken, createOrg } from "@/test/factories";

let engine: DeliveryEngine;

beforeAll(async () => {
  engine = await startDeliveryEngine();
});

afterAll(async () => {
  await engine?.stop();
});

async function setUp(settings: Parameters<typeof createActiveWebhook>[2] = {}, status = 200) {
  const receiver = await engine.receiver(() => ({ status }));
  const { org } = await createOrg();
  const { token } = await createApiToken(org.id, ["webhooks:write"]);
  const webhook = await createActiveWebhook(org.id, receiver.url, { format: "dejacode", ...settings });
  const setActive = (active: boolean) =>
    call("PATCH", webhookRoute.PATCH, `/api/v1/webhooks/${webhook.id}`, {
      token,
      params: { id: webhook.id },
      body: { active },
    });
  const get = () =>
    call("GET", webhookRoute.GET, `/api/v1/webhooks/${webhook.id}`, { token, params: { id: webhook.id } });
  return { receiver, orgId: org.id, webhook, setActive, get };
}

const publishNumbered = (orgId: string, n: number, type = "request.added") =>
  publishEvent(orgId, { type, payload: { n }, properties: {} });
const numberOf = (body: string) => (JSON.parse(body) as { data: { n: number } }).data.n;

describe("a paused webhook holds its events", () => {
  it("sends nothing while paused, counts what it holds, and sends it all in order when resumed", async () => {
    const { receiver, orgId, webhook, setActive, get } = await setUp();
    expect((await setActive(false)).body).toMatchObject({ status: "paused", active: false });
    for (const n of [1, 2, 3]) await publishNumbered(orgId, n);
    await engine.advance(60_000);
    expect(receiver.requests).toHaveLength(0);
    const held = await db.delivery.findMany({ where: { webhookId: webhook.id } });
    expect(held.map((delivery) => [delivery.status, delivery.nextAttemptAt])).toEqual([
      ["held", null],
      ["held", null],
      ["held", null],
    ]);
    expect((await get()).body).toMatchObject({ status: "paused", heldDeliveries: 3 });

    expect((await setActive(true)).body).toMatchObject({ status: "active", heldDeliveries: 0 });
    await engine.advance(0);
    // All due at once, claimed oldest first; the engine sends one round's requests concurrently.
    expect(receiver.requests.map((request) => numberOf(request.body)).toSorted()).toEqual([1, 2, 3]);
    expect(await db.delivery.count({ where: { webhookId: webhook.id, status: "succeeded" } })).toBe(3);
  });

  it("keeps a delivery that was retrying when the webhook was paused, and sends it on resume", async () => {
    const { receiver, orgId, webhook, setActive } = await setUp({}, 500);
    await publishNumbered(orgId, 7);
    await engine.advance(0);
    expect(receiver.requests).toHaveLength(1);
    const [retrying] = await db.delivery.findMany({ where: { webhookId: webhook.id } });
    expect(retrying).toMatchObject({ status: "retrying", attemptCount: 1 });

    await setActive(false);
    await engine.advance(24 * 3600_000);
    expect(receiver.requests).toHaveLength(1);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: retrying!.id } })).toMatchObject({
      status: "held",
      nextAttemptAt: null,
      attemptCount: 1,
    });

    receiver.answer(() => ({ status: 200 }));
    await setActive(true);
    await engine.advance(0);
    expect(receiver.requests).toHaveLength(2);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: retrying!.id } })).toMatchObject({
      status: "succeeded",
      attemptCount: 2,
    });
  });

  it("batches a batched webhook's held events when resumed (CodeScoring)", async () => {
    const { receiver, orgId, setActive } = await setUp({
      format: "codescoring",
      deliveryMode: "batched",
      batchWindowMs: 5000,
      batchMaxSize: 2,
      retrySchedule: "codescoring",
    });
    await setActive(false);
    for (const n of [1, 2, 3]) await publishNumbered(orgId, n, "project_sca_analysis_finished");
    await engine.advance(10_000);
    expect(receiver.requests).toHaveLength(0);

    await setActive(true);
    await engine.advance(0);
    const batches = receiver.requests.map((request) =>
      (JSON.parse(request.body) as { events: { payload: { n: number } }[] }).events.map((event) => event.payload.n),
    );
    // Held events were collected into batches of the batch size, in publish order.
    expect(batches.toSorted((a, b) => a[0]! - b[0]!)).toEqual([[1, 2], [3]]);
  });

  it("drops held deliveries older than the org's retention, and says why in the audit log", async () => {
    const { orgId, webhook, setActive } = await setUp();
    await setActive(false);
    await publishNumbered(orgId, 1);
    await publishNumbered(orgId, 2);
    await engine.advance(0);
    const [old, recent] = await db.delivery.findMany({
      where: { webhookId: webhook.id },
      orderBy: { createdAt: "asc" },
    });
    await db.delivery.update({ where: { id: old!.id }, data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } });

    expect((await purgeHistory()).heldDropped).toBe(1);
    expect(
      await db.delivery.findMany({ where: { webhookId: webhook.id }, select: { id: true, status: true } }),
    ).toEqual([{ id: recent!.id, status: "held" }]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId, action: "webhook.held_dropped" } });
    expect(audit).toMatchObject({
      targetId: webhook.id,
      metadata: { deliveries: 1, reason: expect.stringContaining("30-day retention") },
    });
  });

  it("gives a disabled webhook nothing (what it missed is recovered with Recover failed since…)", async () => {
    const { receiver, orgId, webhook } = await setUp({ status: "disabled" });
    await publishNumbered(orgId, 1);
    await engine.advance(60_000);
    expect(receiver.requests).toHaveLength(0);
    expect(await db.delivery.count({ where: { webhookId: webhook.id } })).toBe(0);
  });
});
