import "server-only";
import type { WebhookStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { histogramPercentile } from "@/lib/history/latency-histogram";
import { rangeBuckets, rangeStart } from "@/lib/history/stats";
import { engineLag, type EngineLag } from "@/lib/observability/engine-lag";

export interface WebhookHealth {
  id: string;
  name: string;
  url: string;
  status: WebhookStatus;
  /** Why it is failing, disabled or paused, in the words the engine recorded. */
  statusReason: string | null;
  failingSince: Date | null;
  disabledAt: Date | null;
  lastDeliveryAt: Date | null;
  /** Attempts in the last 24 h and the share answered with 2xx (null with none). */
  attempts: number;
  successRate: number | null;
  p95Ms: number | null;
}

export interface HourOfAttempts {
  start: Date;
  succeeded: number;
  failed: number;
}

export interface OrgHealth {
  /** Deliveries created in the last 24 h, by where they stand now (test events excluded). */
  lastDay: { succeeded: number; retrying: number; failed: number };
  /** What waits now, whatever its age: due or batching (pending) and held for paused webhooks. */
  waiting: { pending: number; held: number };
  /** Attempts per hour over the last 24 h, oldest first, from the hourly rollup. */
  hours: HourOfAttempts[];
  /** Every webhook of the org: those needing attention first, then the least successful. */
  webhooks: WebhookHealth[];
  lag: EngineLag;
  measuredAt: Date;
}

const attentionOrder: Record<WebhookStatus, number> = { disabled: 0, failing: 1, paused: 2, pending: 3, active: 4 };

async function deliveryCounts(orgId: string, since: Date) {
  const [recent, waiting] = await Promise.all([
    db.$queryRaw<Array<{ status: string; count: number }>>`
      SELECT status::text, count(*)::int AS count FROM "Delivery"
      WHERE "orgId" = ${orgId} AND "createdAt" >= ${since.toISOString()}::timestamp AND NOT "isTest" GROUP BY status`,
    db.$queryRaw<Array<{ status: string; count: number }>>`
      SELECT status::text, count(*)::int AS count FROM "Delivery"
      WHERE "orgId" = ${orgId} AND status IN ('pending', 'held') AND NOT "isTest" GROUP BY status`,
  ]);
  const of = (rows: Array<{ status: string; count: number }>, status: string) =>
    rows.find((row) => row.status === status)?.count ?? 0;
  return {
    lastDay: { succeeded: of(recent, "succeeded"), retrying: of(recent, "retrying"), failed: of(recent, "failed") },
    waiting: { pending: of(waiting, "pending"), held: of(waiting, "held") },
  };
}

/** The hourly rollup of the last 24 h, summed per hour (for the chart) and per webhook (for the table). */
async function attemptRollups(orgId: string, from: Date) {
  const [perHour, perWebhook] = await Promise.all([
    db.$queryRaw<Array<{ hour: Date; attempts: number; succeeded: number }>>`
      SELECT "hour", sum(attempts)::int AS attempts, sum(succeeded)::int AS succeeded
      FROM "AttemptHourly" WHERE "orgId" = ${orgId} AND "hour" >= ${from.toISOString()}::timestamp GROUP BY "hour"`,
    db.$queryRaw<Array<{ webhookId: string; attempts: number; succeeded: number; latency: number[] }>>`
      SELECT "webhookId", sum(attempts)::int AS attempts, sum(succeeded)::int AS succeeded, latency_histogram_sum(latency) AS latency
      FROM "AttemptHourly" WHERE "orgId" = ${orgId} AND "hour" >= ${from.toISOString()}::timestamp GROUP BY "webhookId"`,
  ]);
  return { perHour, perWebhook };
}

/**
 * The overview's health of one org: how its deliveries of the last day went, what waits, each
 * webhook's success rate and p95 latency, and how far the engine is behind for it. Reads the
 * rollups, not the attempts, so it costs the same at any volume.
 */
export async function orgHealth(orgId: string, now = new Date()): Promise<OrgHealth> {
  const from = rangeStart("24h", now);
  const [counts, rollups, webhooks, lag] = await Promise.all([
    deliveryCounts(orgId, new Date(now.getTime() - 24 * 3_600_000)),
    attemptRollups(orgId, from),
    db.webhook.findMany({
      where: { orgId },
      select: {
        id: true,
        name: true,
        url: true,
        status: true,
        statusReason: true,
        failingSince: true,
        disabledAt: true,
        lastDeliveryAt: true,
      },
    }),
    engineLag({ now, orgId }),
  ]);
  const { bucketSeconds, count } = rangeBuckets["24h"];
  const byHour = new Map(rollups.perHour.map((row) => [row.hour.getTime(), row]));
  const hours = Array.from({ length: count }, (_, index) => {
    const start = new Date(from.getTime() + index * bucketSeconds * 1000);
    const { attempts = 0, succeeded = 0 } = byHour.get(start.getTime()) ?? {};
    return { start, succeeded, failed: attempts - succeeded };
  });
  const byWebhook = new Map(rollups.perWebhook.map((row) => [row.webhookId, row]));
  const health = webhooks.map((webhook): WebhookHealth => {
    const { attempts = 0, succeeded = 0, latency = [] } = byWebhook.get(webhook.id) ?? {};
    return {
      ...webhook,
      attempts,
      successRate: attempts === 0 ? null : succeeded / attempts,
      p95Ms: histogramPercentile(latency, 95),
    };
  });
  health.sort(
    (a, b) =>
      attentionOrder[a.status] - attentionOrder[b.status] ||
      (a.successRate ?? 2) - (b.successRate ?? 2) ||
      a.name.localeCompare(b.name),
  );
  return { ...counts, hours, webhooks: health, lag, measuredAt: now };
}
