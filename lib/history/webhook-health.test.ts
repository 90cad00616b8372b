import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { webhookListHealth, type WebhookListHealth } from "@/lib/history/webhook-health";
import { createOrg, recordAttempts, type RecordedAttempt } from "@/test/factories";

const minute = 60_000;
const hour = 60 * minute;
const now = new Date(Math.floor(Date.now() / hour) * hour + 30 * minute);
const ago = (ms: number) => new Date(now.getTime() - ms);

/** A delivery and its attempts, numbered in order; its lastAttemptAt is its last attempt's time, as the engine sets it. */
async function delivered(orgId: string, webhookId: string, createdAt: Date, outcomes: RecordedAttempt[]) {
  const delivery = await db.delivery.create({
    data: {
      orgId,
      webhookId,
      status: outcomes.at(-1)!.success ? "succeeded" : "retrying",
      attemptCount: outcomes.length,
      createdAt,
      lastAttemptAt: outcomes.at(-1)!.at,
    },
  });
  await recordAttempts(orgId, delivery.id, outcomes);
}

async function webhookRow(orgId: string, name: string) {
  return db.webhook.create({
    data: { orgId, name, url: `https://${name.toLowerCase()}.example.com/hook`, status: "active" },
  });
}

describe("the webhooks list's health", () => {
  let health: Map<string, WebhookListHealth>;
  let theirs: WebhookListHealth[];
  let ids: Record<"steady" | "flaky" | "old" | "quiet" | "stranger", string>;

  beforeAll(async () => {
    const { org } = await createOrg();
    const other = (await createOrg()).org;
    const [steady, flaky, old, quiet, stranger] = await Promise.all([
      webhookRow(org.id, "Steady"),
      webhookRow(org.id, "Flaky"),
      webhookRow(org.id, "Old"),
      webhookRow(org.id, "Quiet"),
      webhookRow(other.id, "Stranger"),
    ]);
    ids = { steady: steady.id, flaky: flaky.id, old: old.id, quiet: quiet.id, stranger: stranger.id };

    // Steady: a 503 retried into a 200 half an hour ago, after an earlier 200. 2 of 3 succeeded.
    await delivered(org.id, steady.id, ago(3 * hour), [{ at: ago(3 * hour), success: true, status: 200 }]);
    await delivered(org.id, steady.id, ago(2 * hour), [
      { at: ago(2 * hour), success: false, status: 503 },
      { at: ago(30 * minute), success: true, status: 200 },
    ]);
    // Flaky: its older delivery's retry is its last attempt (a DNS failure 10 minutes ago), after a
    // newer delivery's 200. 1 of 3 succeeded.
    await delivered(org.id, flaky.id, ago(2 * hour), [
      { at: ago(2 * hour), success: false, errorClass: "timeout" },
      { at: ago(10 * minute), success: false, errorClass: "dns" },
    ]);
    await delivered(org.id, flaky.id, ago(hour), [{ at: ago(hour), success: true, status: 200 }]);
    // Old: nothing in the last day, but a last result from 30 hours ago.
    await delivered(org.id, old.id, ago(30 * hour), [{ at: ago(30 * hour), success: false, status: 410 }]);

    // The other org's traffic, some of it on rows naming this org's quiet webhook: none of it is this org's.
    await delivered(other.id, stranger.id, ago(hour), [{ at: ago(5 * minute), success: false, status: 500 }]);
    await delivered(other.id, quiet.id, ago(hour), [{ at: ago(minute), success: true, status: 200 }]);

    health = new Map((await webhookListHealth(org.id, now)).map((line) => [line.webhookId, line]));
    theirs = await webhookListHealth(other.id, now);
  });

  it("lists every webhook of the org, and only those", () => {
    expect([...health.keys()].sort()).toEqual([ids.steady, ids.flaky, ids.old, ids.quiet].sort());
    expect(theirs.map((line) => line.webhookId)).toEqual([ids.stranger]);
  });

  it("gives each webhook's success rate over the last 24 hours, null without attempts", () => {
    expect(health.get(ids.steady)).toMatchObject({ attempts: 3, successRate: 2 / 3 });
    expect(health.get(ids.flaky)).toMatchObject({ attempts: 3, successRate: 1 / 3 });
    expect(health.get(ids.old)).toMatchObject({ attempts: 0, successRate: null });
    expect(health.get(ids.quiet)).toMatchObject({ attempts: 0, successRate: null });
    expect(theirs[0]).toMatchObject({ attempts: 1, successRate: 0 });
  });

  it("gives each webhook's last attempt, whichever delivery it belongs to", () => {
    expect(health.get(ids.steady)!.lastAttempt).toEqual({
      at: ago(30 * minute),
      success: true,
      responseStatus: 200,
      errorClass: null,
    });
    expect(health.get(ids.flaky)!.lastAttempt).toEqual({
      at: ago(10 * minute),
      success: false,
      responseStatus: null,
      errorClass: "dns",
    });
    expect(health.get(ids.old)!.lastAttempt).toEqual({
      at: ago(30 * hour),
      success: false,
      responseStatus: 410,
      errorClass: null,
    });
    expect(health.get(ids.quiet)!.lastAttempt).toBeNull();
    expect(theirs[0]!.lastAttempt).toMatchObject({ at: ago(5 * minute), responseStatus: 500 });
  });
});
