import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/ready/route";
import { db } from "@/lib/db";
import { createActiveWebhook, createOrg } from "@/test/factories";

const thresholdMs = 60_000;
const pastThreshold = () => new Date(Date.now() - thresholdMs - 30_000);
const withinThreshold = () => new Date(Date.now() - thresholdMs / 2);

let orgId: string;
let webhookId: string;

beforeAll(async () => {
  ({
    org: { id: orgId },
  } = await createOrg());
  ({ id: webhookId } = await createActiveWebhook(orgId, "https://receiver.example.com/hook"));
});

afterEach(async () => {
  await db.delivery.deleteMany({ where: { orgId } });
  await db.event.deleteMany({ where: { orgId } });
  await db.webhook.update({ where: { id: webhookId }, data: { drainingSince: null } });
});

async function ready() {
  const response = await GET(new Request("http://localhost:3000/api/health/ready"));
  return { status: response.status, body: await response.json() };
}

const createDelivery = (
  status: "pending" | "retrying" | "sending" | "succeeded" | "failed",
  nextAttemptAt: Date | null,
  updatedAt?: Date,
) => db.delivery.create({ data: { orgId, webhookId, status, nextAttemptAt, updatedAt } });

describe("GET /api/health/ready", () => {
  it("answers 200 with the figures when the database answers and nothing waits", async () => {
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body).toEqual({
      status: "ready",
      database: { ok: true, latencyMs: expect.any(Number) },
      engine: {
        ok: true,
        thresholdMs,
        oldestUndispatchedEventAgeMs: 0,
        oldestDueDeliveryAgeMs: 0,
        oldestUnattendedDeliveryAgeMs: 0,
      },
      problems: [],
    });
  });

  it("answers 503 while an event older than the threshold has not been handed to the engine", async () => {
    const event = await db.event.create({
      data: { orgId, type: "test", payload: {}, properties: {}, createdAt: pastThreshold() },
    });
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.status).toBe("unready");
    expect(body.engine.ok).toBe(false);
    expect(body.engine.oldestUndispatchedEventAgeMs).toBeGreaterThan(thresholdMs);
    expect(body.problems).toEqual([expect.stringContaining("not yet handed to the engine")]);

    await db.event.update({ where: { id: event.id }, data: { dispatchedAt: new Date() } });
    expect((await ready()).status).toBe(200);
  });

  it("stays 200 while the oldest undispatched event is younger than the threshold", async () => {
    await db.event.create({ data: { orgId, type: "test", payload: {}, properties: {}, createdAt: withinThreshold() } });
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.engine.oldestUndispatchedEventAgeMs).toBeGreaterThanOrEqual(thresholdMs / 2);
  });

  it("answers 503 while a pending or retrying delivery has been due for longer than the threshold", async () => {
    for (const waiting of ["pending", "retrying"] as const) {
      const delivery = await createDelivery(waiting, pastThreshold());
      const { status, body } = await ready();
      expect(status).toBe(503);
      expect(body.engine.oldestDueDeliveryAgeMs).toBeGreaterThan(thresholdMs);
      expect(body.engine.oldestUnattendedDeliveryAgeMs).toBe(body.engine.oldestDueDeliveryAgeMs);
      expect(body.problems).toEqual([expect.stringContaining("due delivery no run is working on")]);
      await db.delivery.delete({ where: { id: delivery.id } });
    }
  });

  it("does not count finished deliveries, deliveries not yet due, or ones due only recently", async () => {
    await createDelivery("succeeded", pastThreshold());
    await createDelivery("failed", pastThreshold());
    await createDelivery("retrying", new Date(Date.now() + 3_600_000));
    await createDelivery("pending", withinThreshold());
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.engine.oldestDueDeliveryAgeMs).toBeGreaterThanOrEqual(thresholdMs / 2);
    expect(body.engine.oldestDueDeliveryAgeMs).toBeLessThan(thresholdMs);
  });

  it("stays 200 while a webhook's run works through a backlog at its receiver's pace, and reports how old it is", async () => {
    // A receiver that never answers: its round has requests in flight ("sending"), and the rest wait.
    await createDelivery("pending", pastThreshold());
    const inFlight = await createDelivery("sending", null, new Date());
    let { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.engine.oldestDueDeliveryAgeMs).toBeGreaterThan(thresholdMs);
    expect(body.engine.oldestUnattendedDeliveryAgeMs).toBe(0);

    // Between two rounds: nothing in flight, the claim refreshed by the round just started.
    await db.delivery.delete({ where: { id: inFlight.id } });
    await db.webhook.update({ where: { id: webhookId }, data: { drainingSince: new Date() } });
    expect((await ready()).status).toBe(200);

    // A claim no round has refreshed for a while, and nothing in flight: the run was lost.
    await db.webhook.update({ where: { id: webhookId }, data: { drainingSince: new Date(Date.now() - 45_000) } });
    ({ status, body } = await ready());
    expect(status).toBe(503);
    expect(body.engine.oldestUnattendedDeliveryAgeMs).toBeGreaterThan(thresholdMs);
  });

  it('counts a backlog whose round died: its requests stuck "sending" past their lease', async () => {
    await createDelivery("pending", pastThreshold());
    await createDelivery("sending", null, new Date(Date.now() - 6 * 60_000));
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.engine.oldestUnattendedDeliveryAgeMs).toBeGreaterThan(thresholdMs);
  });

  it("judges each webhook by its own run: another webhook's run does not cover a lost one", async () => {
    const { id: busy } = await createActiveWebhook(orgId, "https://busy.example.com/hook");
    await db.delivery.create({ data: { orgId, webhookId: busy, status: "sending", nextAttemptAt: null } });
    await createDelivery("pending", pastThreshold());
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.engine.oldestUnattendedDeliveryAgeMs).toBeGreaterThan(thresholdMs);
  });
});
