/**
 * Upper bounds (ms) of the latency histogram the hourly rollup keeps per webhook: about ten per
 * decade (round(10^(k/10))) from 1 ms to 60 s. Bucket i counts durations in (bound[i-1], bound[i]];
 * one more bucket, past the last bound, counts everything slower than 60 s. The SQL function
 * latency_bucket_bounds() in the rollup's migration holds the same list.
 */
export const latencyBucketBounds = [
  1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 32, 40, 50, 63, 79, 100, 126, 158, 200, 251, 316, 398, 501, 631, 794, 1000,
  1259, 1585, 1995, 2512, 3162, 3981, 5012, 6310, 7943, 10000, 12589, 15849, 19953, 25119, 31623, 39811, 50119, 60000,
] as const;

/** Buckets in a histogram: one per bound, and the overflow bucket. */
export const latencyBucketCount = latencyBucketBounds.length + 1;

/**
 * The p-th percentile (0–100) of the durations a histogram counts, or null when it counts none.
 * The nearest-rank sample's bucket is found exactly; within it the value is interpolated linearly,
 * as if the bucket's samples were spread evenly over (lower bound, upper bound], and rounded to
 * a whole ms. So the answer is always inside the bucket holding the true percentile: off by less
 * than the bucket's width (about 26 % of the value). The overflow bucket answers its lower bound, 60 s.
 */
export function histogramPercentile(histogram: readonly number[], p: number): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)));
  let below = 0;
  for (let i = 0; i < histogram.length; i++) {
    const count = histogram[i] ?? 0;
    if (below + count >= rank) {
      const lower = i === 0 ? 0 : latencyBucketBounds[i - 1]!;
      const upper = latencyBucketBounds[i];
      if (upper === undefined) return lower;
      return Math.round(lower + ((upper - lower) * (rank - below)) / count);
    }
    below += count;
  }
  return latencyBucketBounds.at(-1)!;
}

/** The histogram bucket a duration falls in; the same rule as latency_histogram_step in SQL. */
export function latencyBucket(durationMs: number): number {
  const index = latencyBucketBounds.findIndex((bound) => durationMs <= bound);
  return index === -1 ? latencyBucketBounds.length : index;
}
