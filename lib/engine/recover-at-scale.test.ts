import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recoverDeliveries } from "@/lib/engine/retry";
import { roundSize } from "@/lib/engine/send-due";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createOrg } from "@/test/factories";

let engine: DeliveryEngine;

beforeAll(async () => {
  engine = await startDeliveryEngine();
});

afterAll(async () => {
  await engine?.stop();
});

describe("recover at scale", () => {
  it("re-sends 5,000 failed deliveries, each once, in runs that stay within Inngest's limits", async () => {
    const receiver = await engine.receiver(() => ({ status: 200 }));
    const { org } = await createOrg();
    const webhook = await createActiveWebhook(org.id, receiver.url);
    const count = 5000;
    await db.$executeRaw`
      WITH events AS (
        INSERT INTO "Event" ("orgId", type, payload, "dispatchedAt")
        SELECT ${org.id}, 'test', jsonb_build_object('n', n), now() FROM generate_series(1, ${count}) AS n RETURNING id
      ), deliveries AS (
        SELECT id AS "eventId", 'dlv_' || replace(gen_random_uuid()::text, '-', '') AS id FROM events
      ), inserted AS (
        INSERT INTO "Delivery" (id, "orgId", "webhookId", status, "attemptCount", "updatedAt") SELECT id, ${org.id}, ${webhook.id}, 'failed', 1, now() FROM deliveries
      )
      INSERT INTO "DeliveryEvent" ("deliveryId", "eventId") SELECT id, "eventId" FROM deliveries`;

    expect(
      await recoverDeliveries(org.id, { type: "system", label: "test" }, webhook.id, new Date(Date.now() - 3_600_000)),
    ).toEqual({ requeued: count });
    await engine.advance(0);

    expect(receiver.requests).toHaveLength(count);
    expect(new Set(receiver.requests.map((request) => request.headers["webhook-id"])).size).toBe(count);
    expect(await db.delivery.count({ where: { webhookId: webhook.id, status: "succeeded", attemptCount: 2 } })).toBe(
      count,
    );
    expect(await db.attempt.count({ where: { delivery: { webhookId: webhook.id }, trigger: "manual" } })).toBe(count);
    // One run: 50 rounds of 100 and a last one that finds nothing left, far within a run's 1,000 steps.
    const runs = await engine.executor.runs({ functionId: "deliver-webhook" });
    expect(runs.map(({ status, output }) => ({ status, output }))).toEqual([
      { status: "completed", output: { rounds: count / roundSize + 1 } },
    ]);
  }, 180_000);
});
