import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createOrg } from "@/test/factories";
import { startReceiver, type Receiver, type ReceivedRequest, type Reply } from "@/test/receiver";

let engine: DeliveryEngine;
const receivers: Receiver[] = [];

beforeAll(async () => {
  engine = await startDeliveryEngine();
});

afterAll(async () => {
  await engine?.stop();
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

// No gap may be shorter than 1/rate, by any margin. A round sends a request 1/rate after the
// previous one was answered, and this receiver stamps a request (on the same monotonic clock the
// round reads) before it answers it, so timer and scheduling jitter can only lengthen a gap. Only a
// receiver still silent 1/rate after a request was written lets the next one go unanswered, 2/rate
// after the previous was written: a full 1/rate of room for jitter in when each is read.
interface Arrival {
  /** Real time, in milliseconds with sub-millisecond precision (performance.now()). */
  realMs: number;
  /** The executor's virtual clock. */
  virtual: Date;
  deliveryId: string;
  n: number;
}

/**
 * A receiver that stamps every request on the real clock (pacing happens inside a round, in real
 * time; the executor's virtual clock stands still while a step runs) and on the executor's clock.
 */
async function pacedReceiver(
  reply: (request: ReceivedRequest, arrivals: Arrival[]) => Reply = () => ({ status: 200 }),
) {
  const arrivals: Arrival[] = [];
  const receiver = await startReceiver(engine.now, (request) => {
    const body = JSON.parse(request.body) as { data: { n: number } };
    arrivals.push({
      realMs: performance.now(),
      virtual: request.at,
      deliveryId: String(request.headers["webhook-id"]),
      n: body.data.n,
    });
    return reply(request, arrivals);
  });
  receivers.push(receiver);
  return { receiver, arrivals };
}

const gapsOf = (arrivals: Arrival[]) =>
  arrivals.slice(1).map((arrival, index) => arrival.realMs - arrivals[index]!.realMs);
const spanOf = (arrivals: Arrival[]) => arrivals.at(-1)!.realMs - arrivals[0]!.realMs;
/** The gaps shorter than 1/rate allows: none, when the limit is kept. */
const tooClose = (arrivals: Arrival[], perSecond: number) => gapsOf(arrivals).filter((gap) => gap < 1000 / perSecond);

async function publishBurst(orgId: string, count: number) {
  for (let n = 0; n < count; n++) await publishEvent(orgId, { type: "test", payload: { n }, properties: {} });
}

describe("per-webhook rate limit", () => {
  // A round sends one second's worth (`rate` requests); 2 × rate + 2 spans three rounds, so the
  // gaps between rounds are checked as well as those within one.
  it.each([1, 2, 5, 10])(
    "keeps every gap between requests at least 1/rate at %i per second, within and across rounds, dropping nothing",
    async (perSecond) => {
      const { receiver, arrivals } = await pacedReceiver();
      const { org } = await createOrg();
      const webhook = await createActiveWebhook(org.id, receiver.url, { rateLimitPerSecond: perSecond });
      const burst = 2 * perSecond + 2;
      await publishBurst(org.id, burst);
      // However the engine spaces them (within a step, in real time; or by sleeps, on the executor's
      // clock), the burst is sent once its duration has passed on both.
      await engine.advance((burst / perSecond + 1) * 1000);

      expect(arrivals).toHaveLength(burst);
      expect(arrivals.map((arrival) => arrival.n).sort((a, b) => a - b)).toEqual(
        Array.from({ length: burst }, (_, n) => n),
      );
      expect(tooClose(arrivals, perSecond)).toEqual([]);
      expect(await db.delivery.count({ where: { webhookId: webhook.id, status: "succeeded" } })).toBe(burst);
    },
  );

  it("does not wait for a slow receiver's answers: its requests overlap, paced at 2/rate, so a round stays short", async () => {
    // Answers take a second. At 10 per second, waiting for each answer would stretch ten requests
    // over ten seconds (and a round of a hundred over minutes, past a step's deadline).
    const { receiver, arrivals } = await pacedReceiver(() => ({ status: 200, delayMs: 1000 }));
    const { org } = await createOrg();
    const webhook = await createActiveWebhook(org.id, receiver.url, { rateLimitPerSecond: 10 });
    await publishBurst(org.id, 10);
    await engine.advance(0);

    expect(arrivals).toHaveLength(10);
    expect(tooClose(arrivals, 10)).toEqual([]);
    // About 2/rate apart: four or five are on the wire before the first is answered (one, if each
    // waited for the last one's answer), and the ten leave within about two seconds, not ten.
    expect(arrivals.filter((arrival) => arrival.realMs < arrivals[0]!.realMs + 1000).length).toBeGreaterThanOrEqual(4);
    expect(spanOf(arrivals)).toBeLessThan(2500);
    expect(await db.delivery.count({ where: { webhookId: webhook.id, status: "succeeded" } })).toBe(10);
  });

  it("sends retries that fall due together when they are due, on the round's clock, still at the webhook's pace", async () => {
    // Every delivery's first request fails and is retried an hour later. At 5 per second the ten
    // first tries go in two rounds, so the retries fall due in two groups of five, a second apart.
    const firstTries = new Set<string>();
    const { receiver, arrivals } = await pacedReceiver((request) => {
      const id = String(request.headers["webhook-id"]);
      if (firstTries.has(id)) return { status: 200 };
      firstTries.add(id);
      return { status: 500 };
    });
    const { org } = await createOrg();
    const webhook = await createActiveWebhook(org.id, receiver.url, {
      rateLimitPerSecond: 5,
      retrySchedule: "custom",
      retryDelaysSeconds: [3600],
    });
    await publishBurst(org.id, 10);
    await engine.advance(0);
    expect(arrivals).toHaveLength(10);

    await engine.advance(3590_000);
    expect(arrivals).toHaveLength(10);
    // The whole second group follows the first within seconds of the hour, not an hour later.
    await engine.advance(20_000);
    expect(arrivals).toHaveLength(20);
    const [firsts, retries] = [arrivals.slice(0, 10), arrivals.slice(10)];
    expect(new Set(retries.map((arrival) => arrival.deliveryId))).toEqual(
      new Set(firsts.map((arrival) => arrival.deliveryId)),
    );
    // Each retry an hour after its first try on the executor's clock, give or take the seconds the
    // first tries took (that clock stood still while they were paced).
    for (const retry of retries) {
      const first = firsts.find((arrival) => arrival.deliveryId === retry.deliveryId)!;
      expect(retry.virtual.getTime() - first.virtual.getTime()).toBeGreaterThanOrEqual(3590_000);
      expect(retry.virtual.getTime() - first.virtual.getTime()).toBeLessThanOrEqual(3610_000);
    }
    expect(tooClose(arrivals, 5)).toEqual([]);
    expect(await db.delivery.count({ where: { webhookId: webhook.id, status: "succeeded" } })).toBe(10);
  });

  it("lets an unlimited webhook send a burst at once: its requests overlap", async () => {
    const { receiver, arrivals } = await pacedReceiver(() => ({ status: 200, delayMs: 500 }));
    const { org } = await createOrg();
    const webhook = await createActiveWebhook(org.id, receiver.url);
    await publishBurst(org.id, 4);
    await engine.advance(0);

    expect(arrivals).toHaveLength(4);
    // All four are on the wire before the first is answered.
    expect(spanOf(arrivals)).toBeLessThan(500);
    expect(await db.delivery.count({ where: { webhookId: webhook.id, status: "succeeded" } })).toBe(4);
  });
});
