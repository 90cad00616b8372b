import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { latencyBucket, latencyBucketBounds, latencyBucketCount } from "@/lib/history/latency-histogram";
import { purgeHistory } from "@/lib/history/purge";
import { createOrg } from "@/test/factories";

const hour = 3_600_000;
const day = 24 * hour;
const thisHour = new Date(Math.floor(Date.now() / hour) * hour);

async function createWebhookRow(orgId: string) {
  return db.webhook.create({
    data: { orgId, name: "Receiver", url: "https://receiver.example.com/hook", status: "active" },
  });
}

async function createDeliveryRow(orgId: string, webhookId: string) {
  return db.delivery.create({ data: { orgId, webhookId, status: "succeeded" } });
}

const attemptRow = (
  orgId: string,
  deliveryId: string,
  number: number,
  at: Date,
  durationMs: number,
  success: boolean,
) => ({
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

interface RollupFigures {
  attempts: number;
  succeeded: number;
  durationMsSum: number;
  latency: number[];
}

type Grain = "hour" | "day";

/** What the raw attempts say, per webhook and hour or day. */
async function fromAttempts(orgId: string, grain: Grain): Promise<Record<string, RollupFigures>> {
  const rows = await db.$queryRaw<{ webhookId: string; start: Date; durationMs: number; success: boolean }[]>`
    SELECT d."webhookId", date_trunc(${grain}, a."createdAt") AS start, a."durationMs", a.success
    FROM "Attempt" a JOIN "Delivery" d ON d.id = a."deliveryId"
    WHERE a."orgId" = ${orgId}`;
  const figures: Record<string, RollupFigures> = {};
  for (const row of rows) {
    const key = `${row.webhookId} ${row.start.toISOString()}`;
    const entry = (figures[key] ??= {
      attempts: 0,
      succeeded: 0,
      durationMsSum: 0,
      latency: Array<number>(latencyBucketCount).fill(0),
    });
    entry.attempts++;
    if (row.success) entry.succeeded++;
    entry.durationMsSum += row.durationMs;
    entry.latency[latencyBucket(row.durationMs)]!++;
  }
  return figures;
}

/** What a rollup holds, in the same shape. */
async function fromRollup(orgId: string, grain: Grain): Promise<Record<string, RollupFigures>> {
  const rows =
    grain === "hour"
      ? (await db.attemptHourly.findMany({ where: { orgId } })).map(({ hour: start, ...row }) => ({ start, ...row }))
      : (await db.attemptDaily.findMany({ where: { orgId } })).map(({ day: start, ...row }) => ({ start, ...row }));
  return Object.fromEntries(
    rows.map(({ webhookId, start, attempts, succeeded, durationMsSum, latency }) => [
      `${webhookId} ${start.toISOString()}`,
      { attempts, succeeded, durationMsSum: Number(durationMsSum), latency },
    ]),
  );
}

/** Both rollups equal what the raw attempts say. */
async function expectRollupsToMatchAttempts(orgId: string) {
  expect(await fromRollup(orgId, "hour")).toEqual(await fromAttempts(orgId, "hour"));
  expect(await fromRollup(orgId, "day")).toEqual(await fromAttempts(orgId, "day"));
}

describe("the hourly and daily rollups", () => {
  let orgId: string;
  let webhooks: string[];
  let deliveries: string[];

  beforeAll(async () => {
    orgId = (await createOrg()).org.id;
    webhooks = [(await createWebhookRow(orgId)).id, (await createWebhookRow(orgId)).id];
    deliveries = [
      await createDeliveryRow(orgId, webhooks[0]!),
      await createDeliveryRow(orgId, webhooks[1]!),
      await createDeliveryRow(orgId, webhooks[0]!),
    ].map((delivery) => delivery.id);
  });

  it("uses the same latency buckets in SQL as in TypeScript", async () => {
    const [sql] = await db.$queryRaw<{ bounds: number[] }[]>`SELECT latency_bucket_bounds() AS bounds`;
    expect(sql?.bounds).toEqual([...latencyBucketBounds]);
    const durations = [...new Set([0, ...latencyBucketBounds.flatMap((bound) => [bound, bound + 1])])];
    const histograms = await db.$queryRaw<{ duration: number; histogram: number[] }[]>`
      SELECT d AS duration, latency_histogram(d) AS histogram FROM unnest(${durations}::int[]) AS d GROUP BY d`;
    expect(histograms).toHaveLength(durations.length);
    for (const { duration, histogram } of histograms) {
      expect({ duration, bucket: histogram.indexOf(1), length: histogram.length }).toEqual({
        duration,
        bucket: latencyBucket(duration),
        length: latencyBucketCount,
      });
    }
  });

  it("are empty before any attempt", async () => {
    expect(await fromRollup(orgId, "hour")).toEqual({});
    expect(await fromRollup(orgId, "day")).toEqual({});
  });

  it("count attempts inserted one per statement, per webhook and hour or day", async () => {
    await db.attempt.create({
      data: attemptRow(orgId, deliveries[0]!, 1, new Date(thisHour.getTime() + 5_000), 120, true),
    });
    await db.attempt.create({
      data: attemptRow(orgId, deliveries[0]!, 2, new Date(thisHour.getTime() + 9_000), 4_000, false),
    });
    await db.attempt.create({
      data: attemptRow(orgId, deliveries[1]!, 1, new Date(thisHour.getTime() - hour + 1), 15, true),
    });
    await expectRollupsToMatchAttempts(orgId);
    expect((await fromRollup(orgId, "hour"))[`${webhooks[0]} ${thisHour.toISOString()}`]).toMatchObject({
      attempts: 2,
      succeeded: 1,
      durationMsSum: 4_120,
    });
  });

  it("count attempts inserted many per statement, into new rows and rows they already hold", async () => {
    await db.attempt.createMany({
      data: Array.from({ length: 60 }, (_, index) =>
        attemptRow(
          orgId,
          deliveries[index % 3]!,
          10 + index,
          new Date(thisHour.getTime() - (index % 4) * hour + index * 1_000),
          3 * index * index,
          index % 7 !== 0,
        ),
      ),
    });
    await db.$executeRaw`
      INSERT INTO "Attempt" ("orgId", "deliveryId", number, "requestUrl", "requestHeaders", "requestBody", "durationMs", success, "createdAt")
      SELECT ${orgId}, ${deliveries[1]!}, 100 + n, 'https://receiver.example.com/hook', '{}', '{}', n * 97, n % 3 = 0,
             ${thisHour.toISOString()}::timestamp - make_interval(hours => n % 50)
      FROM generate_series(1, 500) AS n`;
    await expectRollupsToMatchAttempts(orgId);
    for (const grain of ["hour", "day"] as const) {
      expect(Object.values(await fromRollup(orgId, grain)).reduce((sum, figures) => sum + figures.attempts, 0)).toBe(
        3 + 60 + 500,
      );
    }
  });

  it("are rebuilt from the raw attempts by their migration's backfill", async () => {
    const migrations = path.join(process.cwd(), "prisma", "migrations");
    const folder = (await readdir(migrations)).find((name) => name.endsWith("_attempt_rollups"))!;
    const sql = await readFile(path.join(migrations, folder, "migration.sql"), "utf8");
    const statements = sql
      .slice(sql.indexOf("-- Backfill"))
      .split(/;\s*\n/)
      .filter((statement) => statement.trim() !== "");
    expect(statements).toHaveLength(2);
    await db.$executeRaw`DELETE FROM "AttemptHourly"`;
    await db.$executeRaw`DELETE FROM "AttemptDaily"`;
    for (const statement of statements) await db.$executeRawUnsafe(statement);
    await expectRollupsToMatchAttempts(orgId);
  });
});

describe("purgeHistory", () => {
  it("deletes the rollups' hours and days older than each org's retention and keeps the rest", async () => {
    const { org } = await createOrg();
    const { org: keepsLonger } = await createOrg();
    await db.organization.update({ where: { id: keepsLonger.id }, data: { retentionDays: 90 } });
    const record = async (orgId: string, ...ages: number[]) => {
      const delivery = await db.delivery.create({
        data: { orgId, webhookId: (await createWebhookRow(orgId)).id, status: "retrying" },
      });
      await db.attempt.createMany({
        data: ages.map((age, index) => attemptRow(orgId, delivery.id, index + 1, new Date(Date.now() - age), 10, true)),
      });
    };
    await record(org.id, 40 * day, 31 * day, 29 * day, 0);
    await record(keepsLonger.id, 40 * day);

    await purgeHistory();

    const left = async (orgId: string) => ({
      hours: (await db.attemptHourly.findMany({ where: { orgId } })).map((row) => row.hour.getTime()),
      days: (await db.attemptDaily.findMany({ where: { orgId } })).map((row) => row.day.getTime()),
    });
    const kept = await left(org.id);
    expect(kept.hours).toHaveLength(2);
    expect(kept.hours.every((start) => start > Date.now() - 30 * day - hour)).toBe(true);
    expect(kept.days).toHaveLength(2);
    expect(kept.days.every((start) => start > Date.now() - 31 * day)).toBe(true);
    expect(await left(keepsLonger.id)).toMatchObject({ hours: [expect.any(Number)], days: [expect.any(Number)] });
  });
});
