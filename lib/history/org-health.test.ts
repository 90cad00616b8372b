import { beforeAll, describe, expect, it } from "vitest";
import type { DeliveryStatus, WebhookStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { latencyBucket } from "@/lib/history/latency-histogram";
import { orgHealth, type OrgHealth } from "@/lib/history/org-health";
import { createOrg, recordAttempts } from "@/test/factories";

const minute = 60_000;
const hour = 60 * minute;
const now = new Date(Math.floor(Date.now() / hour) * hour + 30 * minute);

async function webhookRow(orgId: string, name: string, status: WebhookStatus, statusReason: string | null = null) {
  return db.webhook.create({
    data: { orgId, name, url: `https://${name.toLowerCase()}.example.com/hook`, status, statusReason },
  });
}

async function deliveryRow(
  orgId: string,
  webhookId: string,
  status: DeliveryStatus,
  extra: { createdAt?: Date; isTest?: boolean; nextAttemptAt?: Date } = {},
) {
  return db.delivery.create({
    data: { orgId, webhookId, status, createdAt: extra.createdAt ?? new Date(now.getTime() - hour), ...extra },
  });
}

/** Attempts of one delivery, `hoursAgo` before `now`, each taking `durationMs`; the trigger rolls them up. */
async function attempts(orgId: string, deliveryId: string, outcomes: boolean[], durationMs: number, hoursAgo: number) {
  const at = new Date(now.getTime() - hoursAgo * hour);
  await recordAttempts(
    orgId,
    deliveryId,
    outcomes.map((success) => ({ at, success, durationMs })),
  );
}

describe("an org's health for the overview", () => {
  let health: OrgHealth;
  let ids: { healthy: string; failing: string; disabled: string; quiet: string };

  beforeAll(async () => {
    const { org } = await createOrg();
    const healthy = await webhookRow(org.id, "Healthy", "active");
    const failing = await webhookRow(org.id, "Failing", "failing", "HTTP 500 from the receiver");
    const disabled = await webhookRow(org.id, "Disabled", "disabled", "HTTP 410 Gone: the receiver asked to stop");
    const quiet = await webhookRow(org.id, "Quiet", "active");
    ids = { healthy: healthy.id, failing: failing.id, disabled: disabled.id, quiet: quiet.id };

    const delivered = await deliveryRow(org.id, healthy.id, "succeeded");
    await deliveryRow(org.id, healthy.id, "succeeded");
    await deliveryRow(org.id, failing.id, "retrying", { nextAttemptAt: new Date(now.getTime() + minute) });
    const failed = await deliveryRow(org.id, failing.id, "failed");
    // Not counted in the last day: two days old, or a test event.
    await deliveryRow(org.id, healthy.id, "failed", { createdAt: new Date(now.getTime() - 48 * hour) });
    await deliveryRow(org.id, healthy.id, "succeeded", { isTest: true });
    // Waiting now, whatever their age: one due 90 s ago, one held.
    await deliveryRow(org.id, quiet.id, "pending", {
      createdAt: new Date(now.getTime() - 72 * hour),
      nextAttemptAt: new Date(now.getTime() - 90_000),
    });
    await deliveryRow(org.id, disabled.id, "held");
    await db.event.create({
      data: { orgId: org.id, type: "scan.completed", payload: {}, createdAt: new Date(now.getTime() - 5 * minute) },
    });

    // Healthy: 4 fast successes two hours ago. Failing: 1 success, 3 failures (slow) an hour ago.
    await attempts(org.id, delivered.id, [true, true, true, true], 40, 2);
    await attempts(org.id, failed.id, [true, false, false, false], 2_000, 1);
    // Older than the range: not in the table nor the chart.
    const old = await deliveryRow(org.id, quiet.id, "succeeded", { createdAt: new Date(now.getTime() - 30 * hour) });
    await attempts(org.id, old.id, [false], 10, 30);

    // Another org's traffic is not this org's.
    const other = (await createOrg()).org;
    const stranger = await webhookRow(other.id, "Stranger", "failing", "HTTP 503");
    const theirs = await deliveryRow(other.id, stranger.id, "failed");
    await deliveryRow(other.id, stranger.id, "pending", { nextAttemptAt: new Date(now.getTime() - 10 * hour) });
    await attempts(other.id, theirs.id, [false, false], 5, 1);
    await db.event.create({
      data: { orgId: other.id, type: "scan.completed", payload: {}, createdAt: new Date(now.getTime() - 60 * minute) },
    });

    health = await orgHealth(org.id, now);
  });

  it("counts the last day's deliveries by where they stand, and what waits now", () => {
    expect(health.lastDay).toEqual({ succeeded: 2, retrying: 1, failed: 1 });
    expect(health.waiting).toEqual({ pending: 1, held: 1 });
  });

  it("puts webhooks needing attention first, each with its reason, success rate and p95", () => {
    expect(
      health.webhooks.map((webhook) => [
        webhook.name,
        webhook.status,
        webhook.statusReason,
        webhook.attempts,
        webhook.successRate,
      ]),
    ).toEqual([
      ["Disabled", "disabled", "HTTP 410 Gone: the receiver asked to stop", 0, null],
      ["Failing", "failing", "HTTP 500 from the receiver", 4, 0.25],
      ["Healthy", "active", null, 4, 1],
      ["Quiet", "active", null, 0, null],
    ]);
    const p95 = Object.fromEntries(health.webhooks.map((webhook) => [webhook.id, webhook.p95Ms]));
    // Percentiles come from the latency histogram: each lies in the bucket that holds the true value.
    expect(latencyBucket(p95[ids.failing]!)).toBe(latencyBucket(2_000));
    expect(latencyBucket(p95[ids.healthy]!)).toBe(latencyBucket(40));
    expect(p95[ids.quiet]).toBeNull();
    expect(p95[ids.disabled]).toBeNull();
  });

  it("charts the last 24 hours of attempts per hour, oldest first", () => {
    expect(health.hours).toHaveLength(24);
    expect(health.hours.at(-1)!.start.getTime()).toBe(Math.floor(now.getTime() / hour) * hour);
    const nonEmpty = health.hours.filter((bucket) => bucket.succeeded + bucket.failed > 0);
    expect(
      nonEmpty.map(({ start, succeeded, failed }) => ({
        hoursAgo: Math.round((Math.floor(now.getTime() / hour) * hour - start.getTime()) / hour),
        succeeded,
        failed,
      })),
    ).toEqual([
      { hoursAgo: 2, succeeded: 4, failed: 0 },
      { hoursAgo: 1, succeeded: 1, failed: 3 },
    ]);
  });

  it("shows the engine's lag for this org only", () => {
    expect(health.lag).toEqual({
      oldestUndispatchedEventAgeMs: 5 * minute,
      oldestDueDeliveryAgeMs: 90_000,
      oldestUnattendedDeliveryAgeMs: 90_000,
    });
  });
});
