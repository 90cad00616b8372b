import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish";
import { publishEvents } from "@/lib/events/publish-batch";
import { createActiveWebhook, createOrg } from "@/test/factories";
import { endHeldRows, holdWebhookRow } from "@/test/hold-row";
import { linksOnWebhooks } from "@/test/links";

// Nothing listens here: the wakes after each commit fail and leave the work to the sweep, which is not under test.
const nowhere = "http://127.0.0.1:9/hook";

afterEach(endHeldRows);

/** Settles the promise's state without waiting for it: "pending", "fulfilled" or "rejected". */
async function stateOf(promise: Promise<unknown>): Promise<string> {
  const pending = {};
  const winner = await Promise.race([
    promise.then(
      () => "fulfilled",
      () => "rejected",
    ),
    Promise.resolve(pending),
  ]);
  return winner === pending ? "pending" : (winner as string);
}

const event = (n: number) => ({ type: "test", payload: { n }, properties: {} });

describe("fan-out under concurrent publishes", () => {
  it("lets one org's publishes through while another org's fan-out waits on its webhook", async () => {
    const { org: slow } = await createOrg();
    const { org: other } = await createOrg();
    const slowWebhook = await createActiveWebhook(slow.id, nowhere);
    const otherWebhook = await createActiveWebhook(other.id, nowhere);

    const held = await holdWebhookRow(slowWebhook.id);
    const waiting = publishEvent(slow.id, event(1));
    // The held org's publish is inside its transaction, waiting for the webhook row.
    await expect
      .poll(
        () =>
          db.$queryRaw<
            unknown[]
          >`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )
      .toHaveLength(1);

    const through = await Promise.all([1, 2, 3].map((n) => publishEvent(other.id, event(n))));
    expect(await db.delivery.count({ where: { webhookId: otherWebhook.id } })).toBe(through.length);
    expect(await stateOf(waiting)).toBe("pending");

    await held.release();
    const published = await waiting;
    expect(await db.deliveryEvent.count({ where: { eventId: published.id } })).toBe(1);
  });

  it("commits concurrent batches that share single and batched webhooks, each event delivered once per webhook", async () => {
    const { org } = await createOrg();
    const singles = await Promise.all([1, 2, 3].map(() => createActiveWebhook(org.id, nowhere)));
    const batched = await Promise.all(
      [1, 2, 3].map(() =>
        createActiveWebhook(org.id, nowhere, { deliveryMode: "batched", batchMaxSize: 7, batchWindowMs: 60_000 }),
      ),
    );
    const batches = Array.from({ length: 24 }, (_, batch) =>
      Array.from({ length: 25 }, (_, n) => ({ type: "test", payload: { batch, n } })),
    );

    const results = await Promise.allSettled(batches.map((items) => publishEvents(org.id, items)));

    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const events = batches.length * 25;
    for (const webhook of [...singles, ...batched]) {
      const links = await linksOnWebhooks([webhook.id]);
      expect(new Set(links.map((link) => link.eventId)).size).toBe(events);
      expect(links).toHaveLength(events);
    }
    for (const webhook of batched) {
      const sizes = await db.delivery.findMany({ where: { webhookId: webhook.id }, select: { eventCount: true } });
      expect(sizes.every((delivery) => delivery.eventCount <= 7)).toBe(true);
      expect(sizes.filter((delivery) => delivery.eventCount < 7).length).toBeLessThanOrEqual(1);
    }
  });
});
