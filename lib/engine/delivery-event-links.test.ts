import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { publishEvents } from "@/lib/events/publish-batch";
import { purgeHistory } from "@/lib/history/purge";
import { createActiveWebhook, createDelivery, createOrg } from "@/test/factories";
import { deliveryIdsCarrying } from "@/test/links";

// DeliveryEvent has no foreign keys (a batch publish's links were mostly row-by-row key checks):
// triggers delete a delivery's or an event's links with it, and a batch being joined is locked
// against the purge. Nothing listens at this address: the wakes fail and nothing is sent.
const nowhere = "http://127.0.0.1:9/hook";
const day = 86_400_000;

const sessions: pg.Client[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((client) => client.end()));
});

async function orphanLinks(): Promise<number> {
  const [row] = await db.$queryRaw<[{ count: number }]>`
    SELECT count(*)::int AS count FROM "DeliveryEvent" de
    WHERE NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d.id = de."deliveryId")
       OR NOT EXISTS (SELECT 1 FROM "Event" e WHERE e.id = de."eventId")`;
  return row.count;
}

const linksOf = (where: { deliveryId?: { in: string[] }; eventId?: { in: string[] } }) =>
  db.deliveryEvent.count({ where });

async function publishTo(orgId: string, count: number) {
  const published = await publishEvents(
    orgId,
    Array.from({ length: count }, (_, n) => ({ type: "test", payload: { n } })),
  );
  return published.map((event) => event.id);
}

async function pausedBatchedWebhook() {
  const { org } = await createOrg();
  const webhook = await createActiveWebhook(org.id, nowhere, {
    status: "paused",
    deliveryMode: "batched",
    batchMaxSize: 100,
  });
  return { org, webhook };
}

describe("a delivery's links to its events", () => {
  it("go with the delivery, the event, the webhook or the org deleted, and nothing else's do", async () => {
    const { org } = await createOrg();
    const first = await createActiveWebhook(org.id, nowhere);
    const second = await createActiveWebhook(org.id, nowhere);
    const { org: other } = await createOrg();
    await createActiveWebhook(other.id, nowhere);
    const eventIds = await publishTo(org.id, 4);
    const otherEventIds = await publishTo(other.id, 3);
    expect(await linksOf({ eventId: { in: eventIds } })).toBe(8);

    const [delivery] = await db.delivery.findMany({
      where: { webhookId: first.id, id: { in: await deliveryIdsCarrying([eventIds[0]!]) } },
    });
    await db.delivery.delete({ where: { id: delivery!.id } });
    expect(await linksOf({ deliveryId: { in: [delivery!.id] } })).toBe(0);
    expect(await linksOf({ eventId: { in: eventIds } })).toBe(7);

    await db.event.delete({ where: { id: eventIds[3] } });
    expect(await linksOf({ eventId: { in: eventIds } })).toBe(5);

    await db.webhook.delete({ where: { id: second.id } });
    expect(await linksOf({ eventId: { in: eventIds } })).toBe(2);

    await db.organization.delete({ where: { id: org.id } });
    expect(await linksOf({ eventId: { in: eventIds } })).toBe(0);
    expect(await linksOf({ eventId: { in: otherEventIds } })).toBe(3);
    expect(await orphanLinks()).toBe(0);
  });

  it("go with the history the purge deletes", async () => {
    const { org } = await createOrg();
    const webhook = await createActiveWebhook(org.id, nowhere);
    const eventIds = await publishTo(org.id, 5);
    const old = new Date(Date.now() - 31 * day);
    await db.delivery.updateMany({ where: { webhookId: webhook.id }, data: { status: "succeeded", createdAt: old } });
    await db.event.updateMany({ where: { id: { in: eventIds } }, data: { createdAt: old } });

    const purged = await purgeHistory();

    expect(purged).toMatchObject({ deliveries: 5, events: 5 });
    expect(await linksOf({ eventId: { in: eventIds } })).toBe(0);
    expect(await orphanLinks()).toBe(0);
  });

  it("never join a held batch being deleted: the events open a new one", async () => {
    const { org, webhook } = await pausedBatchedWebhook();
    await publishTo(org.id, 2);
    const [expiring] = await db.delivery.findMany({ where: { webhookId: webhook.id } });
    expect(expiring).toMatchObject({ status: "held", eventCount: 2 });

    // A DELETE of the held batch by a session not holding the webhook's row, not yet committed.
    const purge = new pg.Client({ connectionString: env.DATABASE_URL });
    sessions.push(purge);
    await purge.connect();
    await purge.query("BEGIN");
    await purge.query(`DELETE FROM "Delivery" WHERE id = $1`, [expiring!.id]);
    const publishing = publishTo(org.id, 3);
    await expect
      .poll(async () => {
        const [row] = await db.$queryRaw<[{ waiting: number }]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        return row.waiting;
      })
      .toBe(1);
    await purge.query("COMMIT");
    const joined = await publishing;

    const batches = await db.delivery.findMany({ where: { webhookId: webhook.id } });
    expect(batches).toEqual([expect.objectContaining({ status: "held", eventCount: 3 })]);
    expect(await linksOf({ deliveryId: { in: [batches[0]!.id] }, eventId: { in: joined } })).toBe(3);
    expect(await orphanLinks()).toBe(0);
  });

  it("join a held batch only in its first hour, so the purge never drops an event before its own retention", async () => {
    const { org, webhook } = await pausedBatchedWebhook();
    const [oldEvent] = await publishTo(org.id, 1);
    await db.delivery.deleteMany({ where: { webhookId: webhook.id } });
    const old = new Date(Date.now() - 29 * day - 23 * 60 * 60_000);
    const aging = await createDelivery({ orgId: org.id, webhookId: webhook.id, status: "held", createdAt: old }, [
      oldEvent!,
    ]);
    const recent = await createDelivery(
      { orgId: org.id, webhookId: webhook.id, status: "held", createdAt: new Date(Date.now() - 59 * 60_000) },
      [],
    );

    const [fresh] = await publishTo(org.id, 1);

    expect(await deliveryIdsCarrying([fresh!])).toEqual([recent.id]);
    await db.delivery.delete({ where: { id: recent.id } });
    const [later] = await publishTo(org.id, 1);
    const [opened] = await deliveryIdsCarrying([later!]);
    expect(opened).not.toBe(aging.id);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: opened! } })).toMatchObject({
      status: "held",
      eventCount: 1,
    });
  });
});
