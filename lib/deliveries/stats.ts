import { z } from "zod";
import { db } from "@/lib/db";
import { addHistograms, histogramPercentile, latencyBucketCount } from "@/lib/deliveries/latency-histogram";
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

/** The first bucket's start: buckets align to whole multiples of their size (UTC), the last holding `now`. */
export function rangeStart(range: StatsRange, now: Date): Date {
  const { bucketSeconds, count } = rangeBuckets[range];
  const bucketMs = bucketSeconds * 1000;
  return new Date(Math.floor(now.getTime() / bucketMs) * bucketMs - (count - 1) * bucketMs);
}

/**
 * Success and latency of a webhook's attempts over time, read from the hourly rollup
 * (AttemptHourly): at most 720 rows for 30 days, however many attempts they count. Every bucket is
 * whole hours, so each hour falls in exactly one. Latency percentiles come from the summed
 * histograms (see histogramPercentile): within the bucket holding the exact value, not exact.
 */
export async function webhookStats(orgId: string, webhookId: string, range: StatsRange, now = new Date()): Promise<WebhookStats> {
  await getWebhook(orgId, webhookId);
  const { bucketSeconds, count } = rangeBuckets[range];
  const from = rangeStart(range, now);
  const bucketMs = bucketSeconds * 1000;
  const until = new Date(from.getTime() + count * bucketMs);
  const hours = await db.attemptHourly.findMany({
    where: { orgId, webhookId, hour: { gte: from, lt: until } },
    select: { hour: true, attempts: true, succeeded: true, latency: true },
  });
  const buckets = Array.from({ length: count }, (_, index) => ({
    start: new Date(from.getTime() + index * bucketMs),
    attempts: 0,
    succeeded: 0,
    latency: Array<number>(latencyBucketCount).fill(0),
  }));
  for (const row of hours) {
    const bucket = buckets[Math.floor((row.hour.getTime() - from.getTime()) / bucketMs)]!;
    bucket.attempts += row.attempts;
    bucket.succeeded += row.succeeded;
    addHistograms(bucket.latency, row.latency);
  }
  return statsOutput.parse({
    range,
    bucketSeconds,
    buckets: buckets.map(({ start, attempts, succeeded, latency }) => ({
      start,
      attempts,
      succeeded,
      failed: attempts - succeeded,
      p50Ms: histogramPercentile(latency, 50),
      p95Ms: histogramPercentile(latency, 95),
    })),
  });
}
