import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createOrg } from "@/test/factories";

let engine: DeliveryEngine;

beforeAll(async () => {
  engine = await startDeliveryEngine();
});

afterAll(async () => {
  await engine?.stop();
});

async function codescoringWebhook(status = 200, batchWindowMs = 5000) {
  const receiver = await engine.receiver(() => ({ status }));
  const { org } = await createOrg();
  const webhook = await createActiveWebhook(org.id, receiver.url, {
    format: "codescoring",
    deliveryMode: "batched",
    batchWindowMs,
    retrySchedule: "codescoring",
    token: "cs-token",
  });
  return { receiver, orgId: org.id, webhook };
}

// Two batches opened one after the other both close within a window and a little more.
const batchWindowsMs = 7000;

const triggersIn = (body: string) =>
  (JSON.parse(body) as { events: { trigger: string; payload: { n: number } }[] }).events.map(
    (event) => event.payload.n,
  );
const publishNumbered = (orgId: string, n: number) =>
  publishEvent(orgId, { type: "project_sca_analysis_finished", payload: { n }, properties: {} });

describe("batched delivery (CodeScoring)", () => {
  it("sends the events of one window in one request", async () => {
    // A window long enough that the real time the test itself takes (the app stamps due times on
    // the wall clock) cannot close it before the executor's clock does.
    const windowMs = 20_000;
    const { receiver, orgId } = await codescoringWebhook(200, windowMs);
    await publishNumbered(orgId, 1);
    await engine.advance(4000);
    await publishNumbered(orgId, 2);
    await engine.advance(8000);
    await publishNumbered(orgId, 3);
    await engine.advance(4000);
    expect(receiver.requests).toHaveLength(0);

    await engine.advance(6000);
    expect(receiver.requests).toHaveLength(1);
    expect(triggersIn(receiver.requests[0]!.body)).toEqual([1, 2, 3]);
    expect(receiver.requests[0]!.headers["x-codescoring-authentication"]).toBe("cs-token");

    await publishNumbered(orgId, 4);
    await engine.advance(windowMs + 1000);
    expect(receiver.requests).toHaveLength(2);
    expect(triggersIn(receiver.requests[1]!.body)).toEqual([4]);
  });

  it("after a failure resends every unsuccessful event together with the new ones", async () => {
    const { receiver, orgId, webhook } = await codescoringWebhook(500);
    await publishNumbered(orgId, 1);
    await publishNumbered(orgId, 2);
    await engine.advance(5000);
    expect(receiver.requests).toHaveLength(1);

    await publishNumbered(orgId, 3);
    receiver.answer(() => ({ status: 200 }));
    await engine.advance(60_000);
    expect(receiver.requests).toHaveLength(2);
    expect(triggersIn(receiver.requests[1]!.body)).toEqual([1, 2, 3]);
    const deliveries = await db.delivery.findMany({ where: { webhookId: webhook.id } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ status: "succeeded", attemptCount: 2 });
  });

  it("sends a batch as soon as it is full, and starts a new one for the events after it", async () => {
    const windowMs = 20_000;
    const { receiver, orgId, webhook } = await codescoringWebhook(200, windowMs);
    await db.webhook.update({ where: { id: webhook.id }, data: { batchMaxSize: 2 } });
    for (const n of [1, 2, 3]) await publishNumbered(orgId, n);
    // Waiting out the window would add nothing to a full batch: it goes with the next round.
    await engine.advance(1000);
    expect(receiver.requests.map((request) => triggersIn(request.body))).toEqual([[1, 2]]);

    await publishNumbered(orgId, 4);
    await publishNumbered(orgId, 5);
    await engine.advance(1000);
    expect(receiver.requests.map((request) => triggersIn(request.body))).toEqual([
      [1, 2],
      [3, 4],
    ]);

    await engine.advance(windowMs + 1000);
    expect(receiver.requests.map((request) => triggersIn(request.body))).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("starts a new batch once the open one carries 1 MB of payloads, so one request never grows without bound", async () => {
    const { receiver, orgId } = await codescoringWebhook();
    const blob = "x".repeat(240 * 1024);
    for (const n of [1, 2, 3, 4, 5, 6])
      await publishEvent(orgId, { type: "project_sca_analysis_finished", payload: { n, blob }, properties: {} });
    // The first batch is full at 1 MB and goes at once; the second waits out its window.
    await engine.advance(1000);
    expect(receiver.requests.map((request) => triggersIn(request.body))).toEqual([[1, 2, 3, 4, 5]]);
    await engine.advance(batchWindowsMs);
    expect(receiver.requests.map((request) => triggersIn(request.body))).toEqual([[1, 2, 3, 4, 5], [6]]);
  });
});
