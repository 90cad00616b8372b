import { beforeAll, describe, expect, it } from "vitest";
import * as stats from "@/app/api/v1/webhooks/[id]/stats/route";
import { db } from "@/lib/db";
import { latencyBucket, latencyBucketBounds } from "@/lib/history/latency-histogram";
import { webhookStats } from "@/lib/history/stats";
import { call } from "@/test/api";
import { createApiToken, createOrg, recordAttempts } from "@/test/factories";

const now = new Date("2026-11-20T10:30:00Z");
const minutesAgo = (minutes: number, from = now) => new Date(from.getTime() - minutes * 60_000);

async function createWebhookRow(orgId: string) {
  return db.webhook.create({
    data: { orgId, name: "Receiver", url: "https://receiver.example.com/hook", status: "active" },
  });
}

/** One delivery of the webhook with an attempt per entry, each sent at its time. */
async function deliveryWithAttempts(
  orgId: string,
  webhookId: string,
  attempts: { at: Date; success: boolean; durationMs: number }[],
) {
  const delivery = await db.delivery.create({
    data: { orgId, webhookId, status: "retrying", attemptCount: attempts.length },
  });
  await recordAttempts(
    orgId,
    delivery.id,
    attempts.map((attempt) => ({ ...attempt, status: attempt.success ? 200 : 500 })),
  );
}

/**
 * Stats read latency from the rollup's histogram, which knows a duration only to its bucket: a
 * percentile must land in the bucket of the exact (nearest-rank) value, (lower bound, upper bound].
 */
function expectInBucketOf(actual: number | null, exactMs: number) {
  const bucket = latencyBucket(exactMs);
  const lower = bucket === 0 ? 0 : latencyBucketBounds[bucket - 1]!;
  const upper = latencyBucketBounds[bucket] ?? lower;
  expect(actual, `within (${lower}, ${upper}] ms, the bucket of ${exactMs} ms`).toBeGreaterThanOrEqual(
    Math.min(lower + 1, upper),
  );
  expect(actual).toBeLessThanOrEqual(upper);
}

let orgId: string;
let orgSlug: string;
let ownerId: string;
let webhookId: string;

beforeAll(async () => {
  const { org, owner } = await createOrg();
  ({ id: orgId, slug: orgSlug } = org);
  ownerId = owner.id;
  webhookId = (await createWebhookRow(orgId)).id;
  await deliveryWithAttempts(orgId, webhookId, [
    { at: minutesAgo(25), success: true, durationMs: 100 }, // 10:05, the current hour
    { at: minutesAgo(20), success: false, durationMs: 300 }, // 10:10
    { at: minutesAgo(31), success: true, durationMs: 50 }, // 09:59, the hour before
    { at: minutesAgo(24 * 60 + 60), success: true, durationMs: 9_999 }, // 09:30 yesterday, before the 24 h range
  ]);
  await deliveryWithAttempts(orgId, (await createWebhookRow(orgId)).id, [
    { at: minutesAgo(5), success: false, durationMs: 7_777 },
  ]);
  const other = await createOrg();
  await deliveryWithAttempts(other.org.id, (await createWebhookRow(other.org.id)).id, [
    { at: minutesAgo(5), success: false, durationMs: 8_888 },
  ]);
});

describe("webhookStats", () => {
  it("buckets the last 24 hours hourly, aligned to the hour, counting only this webhook's attempts", async () => {
    const result = await webhookStats(orgId, webhookId, "24h", now);
    expect(result.range).toBe("24h");
    expect(result.bucketSeconds).toBe(3_600);
    expect(result.buckets).toHaveLength(24);
    expect(result.buckets[0]!.start.toISOString()).toBe("2026-11-19T11:00:00.000Z");
    const current = result.buckets.at(-1)!;
    expect(current).toMatchObject({ start: new Date("2026-11-20T10:00:00Z"), attempts: 2, succeeded: 1, failed: 1 });
    expectInBucketOf(current.p50Ms, 100);
    expectInBucketOf(current.p95Ms, 300);
    const before = result.buckets.at(-2)!;
    expect(before).toMatchObject({ start: new Date("2026-11-20T09:00:00Z"), attempts: 1, succeeded: 1, failed: 0 });
    expectInBucketOf(before.p50Ms, 50);
    expectInBucketOf(before.p95Ms, 50);
    const empty = result.buckets.slice(0, -2);
    expect(empty.every((bucket) => bucket.attempts === 0 && bucket.p50Ms === null && bucket.p95Ms === null)).toBe(true);
  });

  it("uses 6-hour buckets for 7 days and daily ones for 30 days, reaching back to older attempts", async () => {
    const week = await webhookStats(orgId, webhookId, "7d", now);
    expect({ bucketSeconds: week.bucketSeconds, count: week.buckets.length }).toEqual({
      bucketSeconds: 21_600,
      count: 28,
    });
    expect(week.buckets.at(-1)!.start.toISOString()).toBe("2026-11-20T06:00:00.000Z");
    expect(week.buckets.map((bucket) => bucket.attempts).reduce((sum, count) => sum + count)).toBe(4);

    const month = await webhookStats(orgId, webhookId, "30d", now);
    expect({ bucketSeconds: month.bucketSeconds, count: month.buckets.length }).toEqual({
      bucketSeconds: 86_400,
      count: 30,
    });
    expect(month.buckets[0]!.start.toISOString()).toBe("2026-10-22T00:00:00.000Z");
    expect(month.buckets.at(-1)).toMatchObject({ attempts: 3, succeeded: 2, failed: 1 });
    expectInBucketOf(month.buckets.at(-1)!.p50Ms, 100);
    expect(month.buckets.at(-2)).toMatchObject({ attempts: 1 });
    expectInBucketOf(month.buckets.at(-2)!.p50Ms, 9_999);
  });

  it("takes the 95th percentile across every attempt in a bucket", async () => {
    const busy = (await createWebhookRow(orgId)).id;
    const start = new Date("2026-11-20T10:00:00Z");
    await deliveryWithAttempts(
      orgId,
      busy,
      Array.from({ length: 100 }, (_, index) => ({
        at: new Date(start.getTime() + index * 1000),
        success: index % 10 !== 0,
        durationMs: index + 1,
      })),
    );
    const bucket = (await webhookStats(orgId, busy, "24h", now)).buckets.at(-1)!;
    expect(bucket).toMatchObject({ attempts: 100, succeeded: 90, failed: 10 });
    expectInBucketOf(bucket.p50Ms, 50);
    expectInBucketOf(bucket.p95Ms, 95);
  });
});

describe("GET /api/v1/webhooks/{id}/stats", () => {
  const get = (
    id: string,
    auth: { token?: string; session?: { userId: string; orgSlug: string } },
    query: Record<string, string> = {},
  ) => call("GET", stats.GET, `/api/v1/webhooks/${id}/stats`, { ...auth, params: { id }, query });

  it("answers the buckets as JSON for a token with deliveries:read, defaulting to 24 hours", async () => {
    const { token } = await createApiToken(orgId, ["deliveries:read"]);
    const response = await get(webhookId, { token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ range: "24h", bucketSeconds: 3_600 });
    expect(response.body.buckets).toHaveLength(24);
    const starts = response.body.buckets.map((bucket: { start: string }) => Date.parse(bucket.start));
    expect(starts.slice(1).map((start: number, index: number) => start - starts[index])).toEqual(
      Array(23).fill(3_600_000),
    );
    expect(Date.now() - starts.at(-1)).toBeLessThan(3_600_000);
  });

  it("counts an attempt made just now in the last bucket", async () => {
    const fresh = (await createWebhookRow(orgId)).id;
    await deliveryWithAttempts(orgId, fresh, [{ at: new Date(), success: true, durationMs: 42 }]);
    const response = await get(fresh, { session: { userId: ownerId, orgSlug } }, { range: "7d" });
    expect(response.status).toBe(200);
    expect(response.body.buckets).toHaveLength(28);
    const last = response.body.buckets.at(-1);
    expect(Object.keys(last).sort()).toEqual(["attempts", "failed", "p50Ms", "p95Ms", "start", "succeeded"]);
    expect(last).toMatchObject({ start: expect.any(String), attempts: 1, succeeded: 1, failed: 0 });
    expectInBucketOf(last.p50Ms, 42);
    expectInBucketOf(last.p95Ms, 42);
  });

  it("refuses a token without deliveries:read and an unknown range", async () => {
    const { token: webhooksOnly } = await createApiToken(orgId, ["webhooks:read"]);
    expect((await get(webhookId, { token: webhooksOnly })).status).toBe(403);
    const { token } = await createApiToken(orgId, ["deliveries:read"]);
    const invalid = await get(webhookId, { token }, { range: "1y" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details[0].path).toBe("range");
  });

  it("answers 404 for another org's webhook and for a missing one", async () => {
    const other = await createOrg();
    const { token } = await createApiToken(other.org.id, ["deliveries:read"]);
    expect((await get(webhookId, { token })).status).toBe(404);
    expect((await get("wh_00000000000000000000000000000000", { session: { userId: ownerId, orgSlug } })).status).toBe(
      404,
    );
  });
});
