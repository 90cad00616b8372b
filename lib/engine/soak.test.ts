import "@/test/engine-env";
import "@/test/soak-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as readyRoute from "@/app/api/health/ready/route";
import { db } from "@/lib/db";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createApiToken, createOrg } from "@/test/factories";
import type { Receiver, Reply } from "@/test/receiver";
import { serveRoute, type ServedRoute } from "@/test/serve-route";
import { linksOnWebhooks } from "@/test/links";

// A bounded soak on the real clock: several orgs publish continuously to webhooks that answer 200,
// 500, hang past their timeout, or answer slowly; the executor is stopped once and restarted.
// Nothing accepted may be lost, no healthy delivery may wait behind a hanging one, and readiness
// must report the outage and the recovery.
const publishForMs = 24_000;
const outageAtMs = 8_000;
const outageForMs = 6_000;
// Accepted events whose delivery time is measured, before the outage and after it. The outage waits
// for the first ones and publishing goes on for the others, however slow the machine or the restart.
const samplesPerStretch = 48;
const perOrgPerSecond = 4;
const healthyBoundMs = 2_000;
const retryDelaysSeconds = [2, 3600];

type Kind = "healthy" | "failing" | "hanging" | "slow";
const replies: Record<Kind, Reply> = {
  healthy: { status: 200 },
  failing: { status: 500 },
  hanging: { status: 200, hang: true },
  slow: { status: 200, delayMs: 700 },
};

let engine: DeliveryEngine;
let events: ServedRoute;
let ready: ServedRoute;

beforeAll(async () => {
  engine = await startDeliveryEngine({ clock: "real" });
  events = await serveRoute(
    { POST: (request: Request) => eventsRoute.POST(request, { params: Promise.resolve({}) }) },
    "/api/v1/events",
  );
  ready = await serveRoute(readyRoute, "/api/health/ready");
});

afterAll(async () => {
  await events?.close();
  await ready?.close();
  await engine?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
  return Date.now();
}

const readiness = async () => (await fetch(ready.url)).status;

const publish = (token: string, payload: object) =>
  fetch(events.url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ type: "test", payload }),
  });

describe("soak", () => {
  it("loses nothing, keeps healthy webhooks fast beside hanging ones, and reports the executor's outage", async () => {
    const orgs: Array<{ orgId: string; token: string; webhooks: Record<Kind, { id: string; receiver: Receiver }> }> =
      [];
    for (let index = 0; index < 3; index++) {
      const { org } = await createOrg();
      const { token } = await createApiToken(org.id, ["events:write"]);
      const webhooks = {} as Record<Kind, { id: string; receiver: Receiver }>;
      for (const kind of Object.keys(replies) as Kind[]) {
        const receiver = await engine.receiver(() => replies[kind]);
        const webhook = await createActiveWebhook(org.id, receiver.url, {
          retrySchedule: "custom",
          retryDelaysSeconds,
          timeoutMs: kind === "hanging" ? 1000 : 3000,
        });
        webhooks[kind] = { id: webhook.id, receiver };
      }
      orgs.push({ orgId: org.id, token, webhooks });
    }

    // One event of an org of its own first, delivered before the clock starts: the bound is about
    // healthy webhooks beside hanging ones, not the engine's first requests (cold code, empty pools).
    const warmUp = await createOrg();
    const warmUpToken = (await createApiToken(warmUp.org.id, ["events:write"])).token;
    const warmUpReceiver = await engine.receiver(() => replies.healthy);
    await createActiveWebhook(warmUp.org.id, warmUpReceiver.url);
    expect((await publish(warmUpToken, { warmUp: true })).status).toBe(202);
    await waitFor("the warm-up event to be delivered", async () => warmUpReceiver.requests.length === 1, 30_000);

    const statuses: number[] = [];
    const publishedAt = new Map<string, number>();
    const started = Date.now();
    let stoppedAt = Infinity;
    let restartedAt = Infinity;
    const publishedSince = (time: number) => [...publishedAt.values()].filter((sentAt) => sentAt > time).length;
    const publisher = async (org: (typeof orgs)[number]) => {
      // On a schedule, not a pause after each answer: a slow answer does not thin out the load.
      const publishing = () =>
        Date.now() - started < publishForMs || publishedSince(restartedAt + healthyBoundMs) < samplesPerStretch;
      for (let n = 0; publishing(); n++) {
        const response = await publish(org.token, { n });
        statuses.push(response.status);
        if (response.status === 202) publishedAt.set(((await response.json()) as { id: string }).id, Date.now());
        await sleep(started + ((n + 1) * 1000) / perOrgPerSecond - Date.now());
      }
    };
    const outage = async () => {
      await sleep(outageAtMs);
      await waitFor("the first samples to be published", async () => publishedSince(0) >= samplesPerStretch, 30_000);
      // They must be more than the bound older than the outage to count as published before it.
      await sleep(healthyBoundMs);
      expect(await readiness()).toBe(200);
      await engine.stopExecutor();
      stoppedAt = Date.now();
      const unreadyAt = await waitFor(
        "readiness to report the outage",
        async () => (await readiness()) === 503,
        outageForMs + 5_000,
      );
      await sleep(Math.max(0, stoppedAt + outageForMs - Date.now()));
      await engine.restartExecutor();
      restartedAt = Date.now();
      const readyAgainAt = await waitFor("readiness to recover", async () => (await readiness()) === 200, 20_000);
      return { unreadyAt, readyAgainAt };
    };
    const [{ unreadyAt, readyAgainAt }] = await Promise.all([outage(), ...orgs.map(publisher)]);
    expect(unreadyAt).toBeGreaterThan(stoppedAt);
    expect(readyAgainAt).toBeGreaterThan(restartedAt);

    // Every publish was accepted: under this load, with the engine down, never a 5xx.
    expect(statuses.length).toBeGreaterThan(200);
    expect(statuses.filter((status) => status !== 202)).toEqual([]);

    const eventIds = [...publishedAt.keys()];
    const healthyIds = orgs.flatMap((org) => [org.webhooks.healthy.id, org.webhooks.slow.id]);
    await waitFor(
      "every healthy and slow delivery to succeed",
      async () =>
        (await db.delivery.count({ where: { webhookId: { in: healthyIds }, status: "succeeded" } })) ===
        eventIds.length * 2,
      60_000,
    );

    // Every accepted event has a delivery on each of its org's four webhooks.
    expect(await db.deliveryEvent.count({ where: { eventId: { in: eventIds } } })).toBe(eventIds.length * 4);

    // Failing and hanging ones wait for their next attempt exactly as the schedule says.
    const failingIds = orgs.flatMap((org) => [org.webhooks.failing.id, org.webhooks.hanging.id]);
    await waitFor(
      "every failing delivery to have made its first retry",
      async () =>
        (await db.delivery.count({
          where: { webhookId: { in: failingIds }, OR: [{ attemptCount: { lt: 2 } }, { status: { not: "retrying" } }] },
        })) === 0,
      60_000,
    );
    const failing = await db.delivery.findMany({
      where: { webhookId: { in: failingIds } },
      select: { status: true, attemptCount: true, lastAttemptAt: true, nextAttemptAt: true },
    });
    expect(failing).toHaveLength(eventIds.length * 2);
    for (const delivery of failing) {
      expect(delivery).toMatchObject({ status: "retrying", attemptCount: 2 });
      expect(delivery.nextAttemptAt!.getTime() - delivery.lastAttemptAt!.getTime()).toBe(retryDelaysSeconds[1]! * 1000);
    }

    // A healthy webhook's event arrived within the bound unless it was published while the executor was down.
    const healthy = orgs.map((org) => org.webhooks.healthy);
    const eventOf = new Map(
      (await linksOnWebhooks(healthy.map((webhook) => webhook.id))).map((link) => [link.deliveryId, link.eventId]),
    );
    const duringOutage = (sentAt: number) =>
      sentAt >= stoppedAt - healthyBoundMs && sentAt <= restartedAt + healthyBoundMs;
    const waits = { before: [] as number[], after: [] as number[] };
    for (const request of healthy.flatMap((webhook) => webhook.receiver.requests)) {
      const sentAt = publishedAt.get(eventOf.get(String(request.headers["webhook-id"]))!);
      expect(sentAt).toBeDefined();
      if (!duringOutage(sentAt!)) waits[sentAt! < stoppedAt ? "before" : "after"].push(request.at.getTime() - sentAt!);
    }
    expect(waits.before.length).toBeGreaterThanOrEqual(samplesPerStretch);
    expect(waits.after.length).toBeGreaterThanOrEqual(samplesPerStretch);
    expect({
      before: waits.before.filter((waited) => waited > healthyBoundMs),
      after: waits.after.filter((waited) => waited > healthyBoundMs),
    }).toEqual({ before: [], after: [] });
  }, 150_000);
});
