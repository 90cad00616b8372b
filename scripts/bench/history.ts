import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { deliveryPageStatement, listDeliveries } from "@/lib/history/history";
import { encodeCursor } from "@/lib/http/pagination";
import { statsRanges, webhookStats } from "@/lib/history/stats";
import { percentile } from "@/scripts/bench/percentile";
import { phase } from "@/scripts/bench/progress";
import { repoRoot } from "@/scripts/bench/run-command";
import { createOrg } from "@/test/factories";

export interface HistoryOptions {
  /** Attempts to seed, four per delivery. */
  historyAttempts: number;
  /** Timed calls per query; the first tenth more run before, unmeasured. */
  historySamples: number;
}

export interface HistoryFigure {
  query: string;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  /** The p95 the issue asks for, where it sets one. */
  targetP95Ms: number | null;
}

export interface HistoryResult {
  attempts: number;
  deliveries: number;
  webhooks: number;
  days: number;
  /** Deliveries, their events and links, written with INSERT … SELECT generate_series. */
  fixturesSeconds: number;
  /** The attempts, in one INSERT … SELECT; the rollups' trigger runs inside it. */
  attemptsSeconds: number;
  /** The rollups' migration backfill, rerun over the same attempts. */
  backfillSeconds: number;
  /** Rows of the hourly rollup. */
  rollupRows: number;
  /** EXPLAIN of the statement listDeliveries sends: the newest page, then a page halfway down. */
  pagePlans: string;
  figures: HistoryFigure[];
}

const webhookCount = 10;
const attemptsPerDelivery = 4;
const days = 30;
const pageSize = 20;
/** What a page of history must be served by, on the newest page and deep in the history. */
const pageIndexes = [
  "Attempt_deliveryId_number_idx",
  "Delivery_orgId_webhookId_createdAt_id_idx",
  "DeliveryEvent_pkey",
];

/** Row n of `count`: evenly spread over the last 30 days (UTC, as Prisma stores time), ending 2 minutes ago. */
const seededAt = (count: number) =>
  Prisma.sql`(now() AT TIME ZONE 'UTC') - make_interval(days => ${days}::int) + make_interval(secs => ${days * 86_400}::float8 * n / ${count}::int) - interval '2 minutes'`;

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

/**
 * One org, ten webhooks, deliveries spread evenly over the last 30 days, each with one event and
 * four attempts (the first three failing three times in ten, latencies log-uniform from 1 ms to
 * 5 s). Ids are generated in SQL ('dlv_' + hex of the row number), so nothing goes row by row.
 */
async function seed(orgId: string, webhookIds: string[], deliveries: number) {
  const fixtures = await timed(async () => {
    await db.$executeRaw`
      INSERT INTO "Event" (id, "orgId", type, payload, "dispatchedAt", "createdAt")
      SELECT 'evt_' || lpad(to_hex(n), 32, '0'), ${orgId}, 'project_sca_analysis_finished', jsonb_build_object('sequence', n), at, at
      FROM generate_series(1, ${deliveries}::int) AS n, LATERAL (SELECT ${seededAt(deliveries)} AS at) AS t`;
    await db.$executeRaw`
      INSERT INTO "Delivery" (id, "orgId", "webhookId", status, "attemptCount", "lastAttemptAt", "createdAt", "updatedAt")
      SELECT 'dlv_' || lpad(to_hex(n), 32, '0'), ${orgId}, (${webhookIds}::text[])[1 + n % ${webhookIds.length}::int], 'succeeded', ${attemptsPerDelivery}::int, at, at, at
      FROM generate_series(1, ${deliveries}::int) AS n, LATERAL (SELECT ${seededAt(deliveries)} AS at) AS t`;
    await db.$executeRaw`
      INSERT INTO "DeliveryEvent" ("deliveryId", "eventId")
      SELECT 'dlv_' || lpad(to_hex(n), 32, '0'), 'evt_' || lpad(to_hex(n), 32, '0') FROM generate_series(1, ${deliveries}::int) AS n`;
  });
  const attempts = await timed(
    () => db.$executeRaw`
      INSERT INTO "Attempt" ("orgId", "deliveryId", number, "requestUrl", "requestHeaders", "requestBody", "responseStatus", "durationMs", success, "createdAt")
      SELECT ${orgId}, d.id, k, 'https://receiver.example.com/hook', '{}', '{"sequence":1}', CASE WHEN s THEN 200 ELSE 503 END,
             floor(exp(random() * ln(5000)))::int, s, d."createdAt" + make_interval(secs => 20 * k)
      FROM "Delivery" d, generate_series(1, ${attemptsPerDelivery}::int) AS k, LATERAL (SELECT k = ${attemptsPerDelivery}::int OR random() > 0.3 AS s) AS outcome
      WHERE d."orgId" = ${orgId}`,
  );
  return { fixturesSeconds: fixtures.seconds, attemptsSeconds: attempts.seconds, attempts: attempts.value };
}

/** The backfill statements of the rollups' migration, as deployed. */
async function backfillStatements(): Promise<string[]> {
  const migrations = path.join(repoRoot, "prisma", "migrations");
  const folder = (await readdir(migrations)).find((name) => name.endsWith("_attempt_rollups"));
  if (!folder) throw new Error("No *_attempt_rollups migration found.");
  const sql = await readFile(path.join(migrations, folder, "migration.sql"), "utf8");
  return sql
    .slice(sql.indexOf("-- Backfill"))
    .split(/;\s*\n/)
    .filter((statement) => statement.trim() !== "");
}

/** p50 and p95 of `samples` sequential calls, after a tenth as many unmeasured ones. */
async function measure(
  query: string,
  samples: number,
  targetP95Ms: number | null,
  call: (index: number) => Promise<unknown>,
): Promise<HistoryFigure> {
  const warmup = Math.ceil(samples / 10);
  for (let index = 0; index < warmup; index++) await call(index);
  const latencies: number[] = [];
  for (let index = 0; index < samples; index++) {
    const started = performance.now();
    await call(index);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  phase(`  ${query}: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`);
  return { query, samples, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), targetP95Ms };
}

/**
 * The read side at 1M attempts: the delivery history list and the stats, through the functions
 * the API routes call (listDeliveries, webhookStats), after seeding in bulk and timing the rollups'
 * trigger and backfill on the way.
 */
export async function benchmarkHistory({ historyAttempts, historySamples }: HistoryOptions): Promise<HistoryResult> {
  const deliveries = Math.ceil(historyAttempts / attemptsPerDelivery);
  const { org } = await createOrg("History bench");
  const webhookIds: string[] = [];
  for (let index = 0; index < webhookCount; index++) {
    const webhook = await db.webhook.create({
      data: { orgId: org.id, name: `History ${index}`, url: "https://receiver.example.com/hook", status: "active" },
    });
    webhookIds.push(webhook.id);
  }

  phase(
    `history: seeding ${deliveries.toLocaleString("en-US")} deliveries × ${attemptsPerDelivery} attempts over ${days} days, ${webhookCount} webhooks…`,
  );
  const seeded = await seed(org.id, webhookIds, deliveries);
  phase(
    `  fixtures ${seeded.fixturesSeconds.toFixed(1)} s; ${seeded.attempts.toLocaleString("en-US")} attempts with the rollups' trigger ${seeded.attemptsSeconds.toFixed(1)} s`,
  );

  phase("history: rerunning the rollups' migration backfill over them…");
  const statements = await backfillStatements();
  const backfill = await timed(() =>
    db.$transaction(
      async (tx) => {
        // The backfill rebuilds the rollups of every attempt in the scratch database, other sections' too.
        await tx.$executeRaw`DELETE FROM "AttemptHourly"`;
        await tx.$executeRaw`DELETE FROM "AttemptDaily"`;
        for (const statement of statements) await tx.$executeRawUnsafe(statement);
      },
      { timeout: 600_000 },
    ),
  );
  const [rollup] = await db.$queryRaw<{ rows: number; attempts: number; daily: number }[]>`
    SELECT count(*)::int AS rows, coalesce(sum(attempts), 0)::int AS attempts,
           (SELECT coalesce(sum(attempts), 0)::int FROM "AttemptDaily" WHERE "orgId" = ${org.id}) AS daily
    FROM "AttemptHourly" WHERE "orgId" = ${org.id}`;
  if (rollup?.attempts !== seeded.attempts || rollup.daily !== seeded.attempts) {
    throw new Error(
      `The rollups count ${rollup?.attempts} (hourly) and ${rollup?.daily} (daily) attempts; ${seeded.attempts} were seeded.`,
    );
  }
  phase(`  backfill ${backfill.seconds.toFixed(1)} s, ${rollup.rows} hourly rows; VACUUM ANALYZE…`);
  await db.$executeRawUnsafe(
    `VACUUM ANALYZE "Event", "Delivery", "DeliveryEvent", "Attempt", "AttemptHourly", "AttemptDaily"`,
  );

  // The page statement listDeliveries sends, newest page and a deep one: each must probe the indexes.
  const [deep] = await db.$queryRaw<{ id: string; createdAt: Date }[]>`
    SELECT id, "createdAt" FROM "Delivery" WHERE "webhookId" = ${webhookIds[0]!} ORDER BY "createdAt" LIMIT 1 OFFSET ${Math.floor(deliveries / webhookCount / 2)}`;
  const plans: string[] = [];
  for (const query of [{ limit: pageSize }, { limit: pageSize, cursor: encodeCursor(org.id, deep!) }]) {
    const plan = await db.$queryRaw<
      { "QUERY PLAN": string }[]
    >`EXPLAIN ${deliveryPageStatement(org.id, webhookIds[0]!, query)}`;
    plans.push(plan.map((row) => row["QUERY PLAN"]).join("\n"));
  }
  const pagePlans = plans.join("\n\n");
  for (const index of pageIndexes) {
    if (!plans.every((plan) => plan.includes(index)))
      throw new Error(`The history page statement does not use ${index}:\n${pagePlans}`);
  }

  // Cursors deep in each webhook's history: a page from somewhere in the 30 days, not only the newest.
  const cursors = await db.$queryRaw<{ id: string; webhookId: string; createdAt: Date }[]>`
    SELECT id, "webhookId", "createdAt" FROM "Delivery" WHERE "orgId" = ${org.id} ORDER BY random() LIMIT ${historySamples * 2}`;
  phase(`history: timing ${historySamples} calls per query, one at a time…`);
  const webhookAt = (index: number) => webhookIds[index % webhookCount]!;
  const figures = [
    await measure("history list, newest page", historySamples, 25, (index) =>
      listDeliveries(org.id, webhookAt(index), { limit: pageSize }),
    ),
    await measure("history list, a page deep in the history", historySamples, 25, (index) => {
      const cursor = cursors[index % cursors.length]!;
      return listDeliveries(org.id, cursor.webhookId, { limit: pageSize, cursor: encodeCursor(org.id, cursor) });
    }),
  ];
  for (const range of statsRanges) {
    figures.push(
      await measure(`stats ${range}`, historySamples, range === "30d" ? 50 : null, (index) =>
        webhookStats(org.id, webhookAt(index), range),
      ),
    );
  }
  return {
    attempts: seeded.attempts,
    deliveries,
    webhooks: webhookCount,
    days,
    fixturesSeconds: seeded.fixturesSeconds,
    attemptsSeconds: seeded.attemptsSeconds,
    backfillSeconds: backfill.seconds,
    rollupRows: rollup.rows,
    pagePlans,
    figures,
  };
}
