import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { histogramPercentile } from "@/lib/history/latency-histogram";
import { getWebhook } from "@/lib/webhooks/webhooks";

export const statsRanges = ["24h", "7d", "30d"] as const;
export type StatsRange = (typeof statsRanges)[number];

const hour = 3_600;

/** The rollups of attempts the trigger keeps (see prisma/schema.prisma): a row per webhook and UTC hour, or day. */
const rollups = {
  hourly: { table: Prisma.raw(`"AttemptHourly"`), start: Prisma.raw(`"hour"`) },
  daily: { table: Prisma.raw(`"AttemptDaily"`), start: Prisma.raw(`"day"`) },
};

/**
 * Each range as a number of equal buckets: hours for a day, quarter-days for a week, days for a
 * month; and the rollup it reads, whose rows each fall in exactly one bucket.
 */
export const rangeBuckets: Record<StatsRange, { bucketSeconds: number; count: number; rollup: keyof typeof rollups }> =
  {
    "24h": { bucketSeconds: hour, count: 24, rollup: "hourly" },
    "7d": { bucketSeconds: 6 * hour, count: 28, rollup: "hourly" },
    "30d": { bucketSeconds: 24 * hour, count: 30, rollup: "daily" },
  };

export const statsQuery = z.strictObject({
  range: z
    .enum(statsRanges)
    .default("24h")
    .describe("How far back: 24h in hourly buckets, 7d in 6-hour buckets, 30d in daily buckets."),
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
  buckets: z
    .array(statsBucket)
    .describe("Oldest first, empty buckets included; the last one holds the current moment."),
});

export type WebhookStats = z.infer<typeof statsOutput>;

/** The first bucket's start: buckets align to whole multiples of their size (UTC), the last holding `now`. */
export function rangeStart(range: StatsRange, now: Date): Date {
  const { bucketSeconds, count } = rangeBuckets[range];
  const bucketMs = bucketSeconds * 1000;
  return new Date(Math.floor(now.getTime() / bucketMs) * bucketMs - (count - 1) * bucketMs);
}

interface BucketRow {
  index: number;
  attempts: number;
  succeeded: number;
  latency: number[];
}

/**
 * Success and latency of a webhook's attempts over time, read from a rollup, not from the
 * attempts: at most 168 hourly rows (7 d) or 30 daily ones, however many attempts they count,
 * summed into the range's buckets in SQL. Latency percentiles come from the summed histograms
 * (see histogramPercentile): inside the histogram bucket that holds the exact value, not exact.
 */
export async function webhookStats(
  orgId: string,
  webhookId: string,
  range: StatsRange,
  now = new Date(),
): Promise<WebhookStats> {
  await getWebhook(orgId, webhookId);
  const { bucketSeconds, count, rollup } = rangeBuckets[range];
  const { table, start } = rollups[rollup];
  const from = rangeStart(range, now);
  const until = new Date(from.getTime() + count * bucketSeconds * 1000);
  const rows = await db.$queryRaw<BucketRow[]>`
    SELECT floor(extract(epoch FROM r.${start} - ${from.toISOString()}::timestamp) / ${bucketSeconds}::int)::int AS "index",
           sum(r.attempts)::int AS "attempts", sum(r.succeeded)::int AS "succeeded", latency_histogram_sum(r.latency) AS "latency"
    FROM ${table} r
    WHERE r."orgId" = ${orgId} AND r."webhookId" = ${webhookId}
      AND r.${start} >= ${from.toISOString()}::timestamp AND r.${start} < ${until.toISOString()}::timestamp
    GROUP BY 1`;
  const byIndex = new Map(rows.map((row) => [row.index, row]));
  return statsOutput.parse({
    range,
    bucketSeconds,
    buckets: Array.from({ length: count }, (_, index) => {
      const { attempts = 0, succeeded = 0, latency = [] } = byIndex.get(index) ?? {};
      return {
        start: new Date(from.getTime() + index * bucketSeconds * 1000),
        attempts,
        succeeded,
        failed: attempts - succeeded,
        p50Ms: histogramPercentile(latency, 50),
        p95Ms: histogramPercentile(latency, 95),
      };
    }),
  });
}
