import "server-only";
import { inngest } from "@/lib/jobs/client";
import { webhookDue } from "@/lib/jobs/events";
import { inBackground } from "@/lib/jobs/background-hand-overs";
import { sql, sqlTransaction, type SqlClient } from "@/lib/sql";
import { fanOutEvents } from "@/lib/engine/fan-out";
import { utc } from "@/lib/utc";
import { logger } from "@/lib/observability/logger";
import { outsideRequest } from "@/lib/observability/request-context";

const batchSize = 1000;
// A run that has not refreshed its claim on a webhook for this long died: the next event starts another.
export const drainStaleMs = 10 * 60_000;
// Outbox passes of every instance take turns, so two never pick the same stored events.
const dispatchLockKey = 0x77686b6f;

export interface WebhookToWake {
  webhookId: string;
  orgId: string;
  since: Date;
}

/**
 * Marks the webhooks as being drained and returns those that were not: only they need a run
 * started. Row locks order this with a run going idle, so new work is never left without a run.
 */
export async function claimWebhooksToWake(tx: SqlClient, webhookIds: string[], now: Date): Promise<WebhookToWake[]> {
  if (webhookIds.length === 0) return [];
  return tx.$queryRaw<WebhookToWake[]>`
    WITH locked AS (SELECT id, "drainingSince" FROM "Webhook" WHERE id = ANY(${webhookIds}::text[]) ORDER BY id FOR NO KEY UPDATE)
    UPDATE "Webhook" w SET "drainingSince" = ${utc(now)}::timestamp FROM locked
    WHERE w.id = locked.id AND (locked."drainingSince" IS NULL OR locked."drainingSince" < ${utc(new Date(now.getTime() - drainStaleMs))}::timestamp)
    RETURNING w.id AS "webhookId", w."orgId", w."drainingSince" AS since`;
}

/**
 * Starts a run for each webhook (one `send`); if Inngest is unreachable, the webhooks are released
 * so the next event or the sweeper tries again. Never throws.
 */
export function wakeWebhooks(webhooks: WebhookToWake[]): Promise<void> {
  if (webhooks.length === 0) return Promise.resolve();
  return inBackground(startRuns(webhooks));
}

async function startRuns(webhooks: WebhookToWake[]): Promise<void> {
  try {
    await inngest.send(
      webhooks.map(({ webhookId, orgId, since }) =>
        webhookDue.create({ webhookId, orgId }, { id: `due-${webhookId}-${since.getTime()}` }),
      ),
    );
  } catch (error) {
    logger.warn(
      { err: error, webhooks: webhooks.length },
      "Inngest refused webhook runs; they start with the next event or sweep",
    );
    // If even that fails, the sweep finds the claims unstarted and sends them again.
    // Locked in id order, as fan-outs lock them: a plain multi-row UPDATE takes rows in storage order and deadlocks with them.
    await sql.$executeRaw`
      UPDATE "Webhook" w SET "drainingSince" = NULL
      FROM (SELECT id FROM "Webhook" WHERE id = ANY(${webhooks.map((webhook) => webhook.webhookId)}::text[]) ORDER BY id FOR NO KEY UPDATE) locked
      WHERE w.id = locked.id`.then(
      () => undefined,
      (releaseError: unknown) => logger.warn({ err: releaseError }, "Could not release the webhooks Inngest refused"),
    );
  }
}

/**
 * For events a caller inserts already marked dispatched, in its own transaction: fans them out and
 * claims the webhooks that gained work. Wake the returned webhooks once the transaction has committed.
 */
export async function fanOutInTransaction(tx: SqlClient, eventIds: string[], now: Date): Promise<WebhookToWake[]> {
  return claimWebhooksToWake(tx, await fanOutEvents(tx, eventIds, now), now);
}

/** One batch of stored events: fanned out to deliveries and marked dispatched in one transaction. Returns how many. */
async function dispatchBatch(): Promise<number> {
  const now = new Date();
  const { count, toWake } = await sqlTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${dispatchLockKey})`;
    const events = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Event" WHERE "dispatchedAt" IS NULL ORDER BY "createdAt", id LIMIT ${batchSize}`;
    const eventIds = events.map((event) => event.id);
    const webhookIds = await fanOutEvents(tx, eventIds, now);
    if (eventIds.length > 0)
      await tx.$executeRaw`UPDATE "Event" SET "dispatchedAt" = ${utc(now)}::timestamp WHERE id = ANY(${eventIds}::text[])`;
    return { count: eventIds.length, toWake: await claimWebhooksToWake(tx, webhookIds, now) };
  });
  await wakeWebhooks(toWake);
  return count;
}

let running: Promise<void> | null = null;
let again = false;
// After a failed pass the outbox tries again on its own, backing off while the database stays away.
const firstRetryMs = 1_000;
const longestRetryMs = 30_000;
let retryMs = firstRetryMs;
const gatherMs = 10;

async function dispatchWhileAsked(): Promise<void> {
  try {
    while (again) {
      again = false;
      while ((await dispatchBatch()) === batchSize);
      // Events committed during that pass go in the next one; gathering them a moment longer makes a
      // busy hub's passes fewer and larger. An idle hub's first pass starts at once.
      if (again) await new Promise((resolve) => setTimeout(resolve, gatherMs));
    }
    retryMs = firstRetryMs;
  } catch (error) {
    // A transient condition (a busy pool, a database restarting) that the retry handles: its message says enough.
    logger.warn(
      { reason: error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error), retryInMs: retryMs },
      "Dispatching stored events failed; retrying",
    );
    setTimeout(() => void dispatchStoredEvents(), retryMs).unref();
    retryMs = Math.min(retryMs * 2, longestRetryMs);
  } finally {
    running = null;
  }
}

/**
 * The outbox: stored events are fanned out in batches right after they commit. Calls while a
 * pass runs fold into one more pass, so a burst of publishes costs a few transactions, not one
 * each. Never throws: what fails stays stored and undispatched, and is tried again (the sweep too).
 */
export function dispatchStoredEvents(): Promise<void> {
  again = true;
  running ??= outsideRequest(dispatchWhileAsked);
  return running;
}
