import { z } from "zod";
import { db } from "@/lib/db";
import { getWebhook } from "@/lib/webhooks/webhooks";

export const statsRanges = ["24h", "7d", "30d"] as const;
export type StatsRange = (typeof statsRanges)[number];

const hour = 3_600;

/** Each range as a number of equal buckets: hours for a day, quarter-days for a week, days for a month. */
export const rangeBuckets: Record<StatsRange, { bucketSeconds: number; count: number }> = {
  "24h": { bucketSeconds: hour, count: 24 },
  "7d": { bucketSeconds: 6 * hour, count: 28 },
  "30d": { bucketSeconds: 24 * hour, count: 30 },
};

export const statsQuery = z.strictObject({
  range: z.enum(statsRanges).default("24h").describe("How far back: 24h in hourly buckets, 7d in 6-hour buckets, 30d in daily buckets."),
});

export const statsBucket = z.object({
  start: z.date().describe("Start of the bucket; it ends where the next one starts."),
  attempts: z.number().describe("Attempts sent in the bucket, scheduled, manual and test."),
  succeeded: z.number(),
  failed: z.number(),
  p50Ms: z.number().nullable().describe("Median attempt duration; null when the bucket has no attempts."),
  p95Ms: z.number().nullable().describe("95th percentile attempt duration; null when the bucket has no attempts."),
});

export const statsOutput = z.object({
  range: z.enum(statsRanges),
  bucketSeconds: z.number(),
  buckets: z.array(statsBucket).describe("Oldest first, empty buckets included; the last one holds the current moment."),
});

export type WebhookStats = z.infer<typeof statsOutput>;

interface BucketRow {
  index: number;
  attempts: number;
  succeeded: number;
  failed: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** The first bucket's start: buckets align to whole multiples of their size (UTC), the last holding `now`. */
export function rangeStart(range: StatsRange, now: Date): Date {
  const { bucketSeconds, count } = rangeBuckets[range];
  const bucketMs = bucketSeconds * 1000;
  return new Date(Math.floor(now.getTime() / bucketMs) * bucketMs - (count - 1) * bucketMs);
}

/**
 * Success and latency of a webhook's attempts over time, bucketed in SQL. Timestamps are compared
 * as UTC wall time (`::timestamp`), the way Prisma stores them.
 */
export async function webhookStats(orgId: string, webhookId: string, range: StatsRange, now = new Date()): Promise<WebhookStats> {
  await getWebhook(orgId, webhookId);
  const { bucketSeconds, count } = rangeBuckets[range];
  const from = rangeStart(range, now);
  const until = new Date(from.getTime() + count * bucketSeconds * 1000);
  // Each attempt's bucket is arithmetic on its time, so the buckets join it on equality (a hash join, not a range scan per bucket).
  const rows = await db.$queryRaw<BucketRow[]>`
    WITH attempt AS (
      SELECT floor(extract(epoch FROM a."createdAt" - ${from.toISOString()}::timestamp) / ${bucketSeconds}::int)::int AS i,
             a.success, a."durationMs"
      FROM "Attempt" a
      JOIN "Delivery" d ON d.id = a."deliveryId" AND d."orgId" = a."orgId"
      WHERE a."orgId" = ${orgId} AND d."webhookId" = ${webhookId}
        AND a."createdAt" >= ${from.toISOString()}::timestamp AND a."createdAt" < ${until.toISOString()}::timestamp
    )
    SELECT b.i AS "index",
           count(a.i)::int AS "attempts",
           count(*) FILTER (WHERE a.success)::int AS "succeeded",
           count(*) FILTER (WHERE NOT a.success)::int AS "failed",
           round(percentile_cont(0.5) WITHIN GROUP (ORDER BY a."durationMs")::numeric)::int AS "p50Ms",
           round(percentile_cont(0.95) WITHIN GROUP (ORDER BY a."durationMs")::numeric)::int AS "p95Ms"
    FROM generate_series(0, ${count - 1}::int) AS b(i)
    LEFT JOIN attempt a ON a.i = b.i
    GROUP BY b.i
    ORDER BY b.i`;
  return statsOutput.parse({
    range,
    bucketSeconds,
    buckets: rows.map(({ index, ...bucket }) => ({ start: new Date(from.getTime() + index * bucketSeconds * 1000), ...bucket })),
  });
}
