import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { latencyBucket, latencyBucketBounds, latencyBucketCount } from "@/lib/deliveries/latency-histogram";
import { purgeHistory } from "@/lib/deliveries/purge";
import { createOrg } from "@/test/factories";

const hour = 3_600_000;
const day = 24 * hour;
const thisHour = new Date(Math.floor(Date.now() / hour) * hour);

async function createWebhookRow(orgId: string) {
  return db.webhook.create({ data: { orgId, name: "Receiver", url: "https://receiver.example.com/hook", status: "active" } });
}

async function createDeliveryRow(orgId: string, webhookId: string) {
  return db.delivery.create({ data: { orgId, webhookId, status: "succeeded" } });
}

const attemptRow = (orgId: string, deliveryId: string, number: number, at: Date, durationMs: number, success: boolean) => ({
  orgId,
  deliveryId,
  number,
  requestUrl: "https://receiver.example.com/hook",
  requestHeaders: {},
  requestBody: "{}",
  durationMs,
  success,
  createdAt: at,
});

interface HourFigures {
  attempts: number;
  succeeded: number;
  durationMsSum: number;
  latency: number[];
}

/** What the raw attempts say, per webhook and hour. */
async function fromAttempts(orgId: string): Promise<Record<string, HourFigures>> {
  const rows = await db.$queryRaw<{ webhookId: string; hour: Date; durationMs: number; success: boolean }[]>`
    SELECT d."webhookId", date_trunc('hour', a."createdAt") AS hour, a."durationMs", a.success
    FROM "Attempt" a JOIN "Delivery" d ON d.id = a."deliveryId"
    WHERE a."orgId" = ${orgId}`;
  const figures: Record<string, HourFigures> = {};
  for (const row of rows) {
    const key = `${row.webhookId} ${row.hour.toISOString()}`;
    const entry = (figures[key] ??= { attempts: 0, succeeded: 0, durationMsSum: 0, latency: Array<number>(latencyBucketCount).fill(0) });
    entry.attempts++;
    if (row.success) entry.succeeded++;
    entry.durationMsSum += row.durationMs;
    entry.latency[latencyBucket(row.durationMs)]!++;
  }
  return figures;
}

/** What the rollup holds, in the same shape. */
async function fromRollup(orgId: string): Promise<Record<string, HourFigures>> {
  const rows = await db.attemptHourly.findMany({ where: { orgId } });
  return Object.fromEntries(
    rows.map(({ webhookId, hour: start, attempts, succeeded, durationMsSum, latency }) => [
      `${webhookId} ${start.toISOString()}`,
      { attempts, succeeded, durationMsSum: Number(durationMsSum), latency },
    ]),
  );
}

describe("the hourly rollup", () => {
  let orgId: string;
  let webhooks: string[];
  let deliveries: string[];

  beforeAll(async () => {
    orgId = (await createOrg()).org.id;
    webhooks = [(await createWebhookRow(orgId)).id, (await createWebhookRow(orgId)).id];
    deliveries = [await createDeliveryRow(orgId, webhooks[0]!), await createDeliveryRow(orgId, webhooks[1]!), await createDeliveryRow(orgId, webhooks[0]!)].map(
      (delivery) => delivery.id,
    );
  });

  it("uses the same latency buckets in SQL as in TypeScript", async () => {
    const [sql] = await db.$queryRaw<{ bounds: number[] }[]>`SELECT latency_bucket_bounds() AS bounds`;
    expect(sql?.bounds).toEqual([...latencyBucketBounds]);
    const durations = [...new Set([0, ...latencyBucketBounds.flatMap((bound) => [bound, bound + 1])])];
    const histograms = await db.$queryRaw<{ duration: number; histogram: number[] }[]>`
      SELECT d AS duration, latency_histogram(d) AS histogram FROM unnest(${durations}::int[]) AS d GROUP BY d`;
    expect(histograms).toHaveLength(durations.length);
    for (const { duration, histogram } of histograms) {
      expect({ duration, bucket: histogram.indexOf(1), length: histogram.length }).toEqual({ duration, bucket: latencyBucket(duration), length: latencyBucketCount });
    }
  });

  it("is empty before any attempt", async () => {
    expect(await fromRollup(orgId)).toEqual({});
  });

  it("counts attempts inserted one per statement, per webhook and hour", async () => {
    await db.attempt.create({ data: attemptRow(orgId, deliveries[0]!, 1, new Date(thisHour.getTime() + 5_000), 120, true) });
    await db.attempt.create({ data: attemptRow(orgId, deliveries[0]!, 2, new Date(thisHour.getTime() + 9_000), 4_000, false) });
    await db.attempt.create({ data: attemptRow(orgId, deliveries[1]!, 1, new Date(thisHour.getTime() - hour + 1), 15, true) });
    const rollup = await fromRollup(orgId);
    expect(rollup).toEqual(await fromAttempts(orgId));
    expect(rollup[`${webhooks[0]} ${thisHour.toISOString()}`]).toMatchObject({ attempts: 2, succeeded: 1, durationMsSum: 4_120 });
  });

  it("counts attempts inserted many per statement, into new hours and hours it already holds", async () => {
    await db.attempt.createMany({
      data: Array.from({ length: 60 }, (_, index) =>
        attemptRow(orgId, deliveries[index % 3]!, 10 + index, new Date(thisHour.getTime() - (index % 4) * hour + index * 1_000), 3 * index * index, index % 7 !== 0),
      ),
    });
    await db.$executeRaw`
      INSERT INTO "Attempt" ("orgId", "deliveryId", number, "requestUrl", "requestHeaders", "requestBody", "durationMs", success, "createdAt")
      SELECT ${orgId}, ${deliveries[1]!}, 100 + n, 'https://receiver.example.com/hook', '{}', '{}', n * 97, n % 3 = 0,
             ${thisHour.toISOString()}::timestamp - make_interval(hours => n % 30)
      FROM generate_series(1, 500) AS n`;
    const rollup = await fromRollup(orgId);
    expect(rollup).toEqual(await fromAttempts(orgId));
    expect(Object.values(rollup).reduce((sum, figures) => sum + figures.attempts, 0)).toBe(3 + 60 + 500);
  });

  it("is rebuilt from the raw attempts by its migration's backfill", async () => {
    const migrations = path.join(process.cwd(), "prisma", "migrations");
    const folder = (await readdir(migrations)).find((name) => name.endsWith("_attempt_hourly_rollup"))!;
    const sql = await readFile(path.join(migrations, folder, "migration.sql"), "utf8");
    const backfill = sql.slice(sql.indexOf("-- Backfill"));
    const before = await fromRollup(orgId);
    await db.$executeRaw`DELETE FROM "AttemptHourly"`;
    await db.$executeRawUnsafe(backfill);
    expect(await fromRollup(orgId)).toEqual(before);
  });
});

describe("purgeHistory", () => {
  it("deletes the rollup's hours older than each org's retention and keeps the rest", async () => {
    const { org } = await createOrg();
    const { org: keepsLonger } = await createOrg();
    await db.organization.update({ where: { id: keepsLonger.id }, data: { retentionDays: 90 } });
    const record = async (orgId: string, ...ages: number[]) => {
      const delivery = await db.delivery.create({ data: { orgId, webhookId: (await createWebhookRow(orgId)).id, status: "retrying" } });
      await db.attempt.createMany({ data: ages.map((age, index) => attemptRow(orgId, delivery.id, index + 1, new Date(Date.now() - age), 10, true)) });
    };
    await record(org.id, 40 * day, 31 * day, 29 * day, 0);
    await record(keepsLonger.id, 40 * day);

    await purgeHistory();

    const hoursLeft = async (orgId: string) => (await db.attemptHourly.findMany({ where: { orgId }, orderBy: { hour: "asc" } })).map((row) => row.hour.getTime());
    const kept = await hoursLeft(org.id);
    expect(kept).toHaveLength(2);
    expect(kept.every((start) => start > Date.now() - 30 * day - hour)).toBe(true);
    expect(await hoursLeft(keepsLonger.id)).toHaveLength(1);
  });
});
