import { beforeAll, describe, expect, it } from "vitest";
import { eventsOf, triesOf } from "@/lib/engine/attempt";
import { readClaimedIn } from "@/lib/engine/send-due";
import { sql, sqlTransaction, type SqlClient } from "@/lib/sql";
import { createActiveWebhook, createOrg } from "@/test/factories";

// A round reads the events and the tries of the deliveries it claimed, here from tables with no
// statistics, as in a new install before autovacuum's first ANALYZE.

/** Runs each query as given, after EXPLAIN of the same statement: the plans' node types and tables go in `scans`. */
function explaining(client: SqlClient, scans: string[]): SqlClient {
  const explained = (strings: TemplateStringsArray) =>
    Object.assign([`EXPLAIN (FORMAT JSON) ${strings[0]}`, ...strings.slice(1)], { raw: strings.raw });
  const collect = (plan: { "Node Type": string; "Relation Name"?: string; Plans?: unknown[] }): void => {
    if (plan["Relation Name"]) scans.push(`${plan["Node Type"]} on ${plan["Relation Name"]}`);
    for (const child of plan.Plans ?? []) collect(child as typeof plan);
  };
  return {
    async $queryRaw<Row>(strings: TemplateStringsArray, ...values: unknown[]) {
      const [row] = await client.$queryRaw<[{ "QUERY PLAN": [{ Plan: Parameters<typeof collect>[0] }] }]>(
        explained(strings),
        ...values,
      );
      collect(row["QUERY PLAN"][0].Plan);
      return client.$queryRaw<Row>(strings, ...values);
    },
    $executeRaw: (strings, ...values) => client.$executeRaw(strings, ...values),
  };
}

let deliveryIds: string[];

beforeAll(async () => {
  const { org } = await createOrg();
  const webhook = await createActiveWebhook(org.id, "https://receiver.example.com/hook");
  // This file's own database: no autovacuum gathers statistics while it runs, whatever the server's setting.
  await sql.$executeRaw`ALTER TABLE "DeliveryEvent" SET (autovacuum_enabled = false)`;
  await sql.$executeRaw`ALTER TABLE "Attempt" SET (autovacuum_enabled = false)`;
  // A history of 2,000 delivered events, each tried once.
  deliveryIds = (
    await sql.$queryRaw<{ id: string }[]>`
      WITH events AS (
        INSERT INTO "Event" ("orgId", type, payload) SELECT ${org.id}, 'test', jsonb_build_object('n', n) FROM generate_series(1, 2000) n RETURNING id
      ), deliveries AS (
        INSERT INTO "Delivery" (id, "orgId", "webhookId", status, "attemptCount", "eventCount", "updatedAt")
        SELECT 'dlv_' || e.id, ${org.id}, ${webhook.id}, 'succeeded', 1, 1, now() FROM events e RETURNING id
      ), links AS (
        INSERT INTO "DeliveryEvent" ("deliveryId", "eventId") SELECT 'dlv_' || id, id FROM events
      )
      INSERT INTO "Attempt" ("orgId", "deliveryId", number, "requestUrl", "requestHeaders", "requestBody", "durationMs", success)
      SELECT ${org.id}, id, 1, 'https://receiver.example.com/hook', '{}', '{}', 20, true FROM deliveries RETURNING "deliveryId" AS id`
  ).map((row) => row.id);
  const analysed = await sql.$queryRaw<unknown[]>`
    SELECT 1 FROM pg_stats WHERE tablename IN ('DeliveryEvent', 'Attempt') AND attname = 'deliveryId'`;
  expect(analysed).toEqual([]);
});

describe("a round's lookups of its deliveries' events and tries", () => {
  const round = () => deliveryIds.slice(0, 100);

  it("are index lookups, however large the history and whatever Postgres knows of it", async () => {
    const scans: string[] = [];
    // As a round reads them: every delivery here was tried once.
    const { events, tries } = await sqlTransaction((tx) =>
      readClaimedIn(
        explaining(tx, scans),
        round().map((id) => ({ id, attemptCount: 1 })),
      ),
    );
    expect(scans.filter((scan) => scan.startsWith("Seq Scan"))).toEqual([]);
    expect(scans.map((scan) => scan.split(" on ")[1])).toEqual(
      expect.arrayContaining(["DeliveryEvent", "Event", "Attempt"]),
    );
    // Each delivery was seeded as "dlv_" and the id of its one event.
    expect(round().map((id) => events.get(id)!.map((event) => `dlv_${event.id}`))).toEqual(round().map((id) => [id]));
    expect([...tries.values()]).toEqual(Array.from({ length: 100 }, () => ({ all: 1, scheduled: 1 })));
  });

  it("read whole tables when left to Postgres's estimates without statistics", async () => {
    const scans: string[] = [];
    await sqlTransaction(async (tx) => {
      await eventsOf(round(), explaining(tx, scans));
      await triesOf(round(), explaining(tx, scans));
    });
    expect(scans).toEqual(expect.arrayContaining(["Seq Scan on DeliveryEvent", "Seq Scan on Attempt"]));
  });
});
