import "server-only";
import { randomUUID } from "node:crypto";
import type { SqlClient } from "@/lib/sql";
import { utc } from "@/lib/utc";
import { batchingFormats } from "@/lib/webhooks/presets";

// One request's payloads stay under this, whatever the batch size allows.
const maxBatchPayloadBytes = 1024 * 1024;
/**
 * A paused webhook's held batch takes events for this long after it opened. The hourly purge drops
 * a held batch once it is older than the org's retention, with every event in it: an event joining
 * an old batch would go with it long before its own retention had passed.
 */
const heldBatchOpenMs = 60 * 60_000;

interface Batch {
  id: string;
  /** pending (first try ahead), retrying or held; undefined for one this fan-out opens. */
  status?: string;
  events: number;
  bytes: number;
  /** Events this fan-out adds to it. */
  added: number;
  opened?: boolean;
}

interface BatchedMatch {
  eventId: string;
  webhookId: string;
  orgId: string;
  batchWindowMs: number;
  batchMaxSize: number;
  payloadBytes: number;
  /** The webhook is paused: the event waits in a held delivery until it is resumed. */
  held: boolean;
}

/**
 * Every (event, webhook) pair that should be delivered: the webhook is live (or paused: its
 * deliveries are held, with no due time, until it is resumed), its scope takes the
 * event's project (project-level; org-level for all or the selected projects) and its triggers
 * include the event's type (empty = all). Batched pairs come back for `joinBatches`; single ones
 * become one delivery each, due now, in the same statement.
 */
async function createSingleDeliveries(
  tx: SqlClient,
  eventIds: string[],
  now: Date,
): Promise<{ webhookIds: string[]; batched: BatchedMatch[] }> {
  const rows = await tx.$queryRaw<
    Array<{
      webhookId: string;
      batched: boolean;
      held: boolean;
      eventId: string | null;
      eventCreatedAt: Date | null;
      orgId: string;
      batchWindowMs: number;
      batchMaxSize: number;
      payloadBytes: number;
    }>
  >`
    WITH matches AS (
      SELECT e.id AS "eventId", e."createdAt" AS "eventCreatedAt", octet_length(e.payload::text) AS "payloadBytes",
             w.id AS "webhookId", w."orgId", w."batchWindowMs", w."batchMaxSize", w.status = 'paused' AS held,
             (w."deliveryMode" = 'batched' AND w.format::text = ANY(${batchingFormats}::text[])) AS batched
      FROM "Event" e
      JOIN "Webhook" w ON w."orgId" = e."orgId" AND w.status IN ('active', 'failing', 'paused')
       AND (cardinality(w.triggers) = 0 OR e.type = ANY(w.triggers))
       AND (w."projectId" = e."projectId"
            -- No selection means every project, unless the webhook follows a portfolio: an emptied portfolio matches none.
            OR (w."projectId" IS NULL AND ((w."portfolioId" IS NULL AND NOT EXISTS (SELECT 1 FROM "_WebhookProjectSelection" s WHERE s."B" = w.id))
                                           OR EXISTS (SELECT 1 FROM "_WebhookProjectSelection" s WHERE s."B" = w.id AND s."A" = e."projectId"))))
      WHERE e.id = ANY(${eventIds}::text[])
    ), singles AS (
      SELECT m.*, 'dlv_' || replace(gen_random_uuid()::text, '-', '') AS "deliveryId" FROM matches m WHERE NOT m.batched
    ), deliveries AS (
      INSERT INTO "Delivery" (id, "orgId", "webhookId", status, "nextAttemptAt", "createdAt", "updatedAt", "eventCount", "payloadBytes")
      SELECT "deliveryId", "orgId", "webhookId", CASE WHEN held THEN 'held' ELSE 'pending' END::"DeliveryStatus",
             CASE WHEN held THEN NULL ELSE ${utc(now)}::timestamp END, ${utc(now)}::timestamp, ${utc(now)}::timestamp, 1, "payloadBytes" FROM singles
    ), links AS (
      INSERT INTO "DeliveryEvent" ("deliveryId", "eventId") SELECT "deliveryId", "eventId" FROM singles
    )
    SELECT DISTINCT "webhookId", false AS batched, held, NULL AS "eventId", NULL::timestamp AS "eventCreatedAt", "orgId", 0 AS "batchWindowMs", 0 AS "batchMaxSize", 0 AS "payloadBytes" FROM singles
    UNION ALL
    SELECT "webhookId", true, held, "eventId", "eventCreatedAt", "orgId", "batchWindowMs", "batchMaxSize", "payloadBytes"::int FROM matches WHERE batched`;
  const batched = rows
    .filter((row) => row.batched)
    .sort((a, b) => a.eventCreatedAt!.getTime() - b.eventCreatedAt!.getTime() || a.eventId!.localeCompare(b.eventId!))
    .map(({ eventId, orgId, webhookId, batchWindowMs, batchMaxSize, payloadBytes, held }) => ({
      eventId: eventId!,
      orgId,
      webhookId,
      batchWindowMs,
      batchMaxSize,
      payloadBytes,
      held,
    }));
  return { webhookIds: rows.filter((row) => !row.batched && !row.held).map((row) => row.webhookId), batched };
}

const isFull = (batch: Batch, maxSize: number) => batch.events >= maxSize || batch.bytes >= maxBatchPayloadBytes;

/**
 * A batched webhook collects events into its open delivery, the newest with room left: one still
 * inside its window, or one waiting to retry (CodeScoring resends the unsuccessful events together with anything new).
 * Events beyond the batch's size or 1 MB open new batches, due one window from now; a batch that
 * fills up before its first try goes at once, since waiting out its window would add nothing to
 * it (a retrying one keeps its schedule). A paused webhook's events collect the same way in held
 * batches, with no due time, each taking events for its first hour only (the purge drops held
 * batches by age). Four statements for any number of webhooks and events. The caller holds the
 * webhook rows' locks, which claims take too, so a batch on the wire never gains an event.
 */
async function joinBatches(tx: SqlClient, matches: BatchedMatch[], now: Date): Promise<void> {
  const byWebhook = new Map<string, BatchedMatch[]>();
  for (const match of matches) {
    const group = byWebhook.get(match.webhookId);
    if (group) group.push(match);
    else byWebhook.set(match.webhookId, [match]);
  }
  const webhooks = [...byWebhook.values()].map((events) => events[0]!);
  // Each webhook's newest open batch with room left, all in one statement: one index scan per webhook, newest first.
  // Locked until the commit: links have no foreign keys, so a delete of the batch by anything not
  // holding the webhook's row waits for this publish, and one that came first leaves nothing to join.
  const openBatches = await tx.$queryRaw<Array<Batch & { webhookId: string }>>`
    SELECT w.id AS "webhookId", open.*
    FROM unnest(${webhooks.map((w) => w.orgId)}::text[], ${webhooks.map((w) => w.webhookId)}::text[],
                ${webhooks.map((w) => w.batchMaxSize)}::int[], ${webhooks.map((w) => w.held)}::boolean[]) AS w("orgId", id, "maxSize", held)
    CROSS JOIN LATERAL (
      SELECT d.id, d.status::text AS status, d."eventCount" AS events, d."payloadBytes" AS bytes FROM "Delivery" d
      WHERE d."orgId" = w."orgId" AND d."webhookId" = w.id AND d."isTest" = false
        AND d."eventCount" < w."maxSize" AND d."payloadBytes" < ${maxBatchPayloadBytes}
        AND (CASE WHEN w.held THEN d.status = 'held' AND d."createdAt" > ${utc(new Date(now.getTime() - heldBatchOpenMs))}::timestamp
                  ELSE d.status IN ('pending', 'retrying') END)
      ORDER BY d."createdAt" DESC, d.id DESC LIMIT 1
      FOR NO KEY UPDATE
    ) open`;
  const openOf = new Map(openBatches.map(({ webhookId, ...batch }) => [webhookId, batch]));

  const opened: Array<{ batch: Batch; webhook: BatchedMatch; due: string | null }> = [];
  const joined: Array<{ batch: Batch; goesNow: boolean }> = [];
  const links: Array<{ deliveryId: string; eventId: string }> = [];
  for (const [webhookId, events] of byWebhook) {
    const webhook = events[0]!;
    const open = openOf.get(webhookId);
    const batches: Batch[] = open ? [{ ...open, added: 0 }] : [];
    for (const event of events) {
      let batch = batches.at(-1);
      if (!batch || isFull(batch, webhook.batchMaxSize)) {
        batch = { id: `dlv_${randomUUID().replaceAll("-", "")}`, events: 0, bytes: 0, added: 0, opened: true };
        batches.push(batch);
      }
      links.push({ deliveryId: batch.id, eventId: event.eventId });
      batch.events++;
      batch.bytes += event.payloadBytes;
      batch.added++;
    }
    const windowEnd = utc(new Date(now.getTime() + webhook.batchWindowMs));
    for (const batch of batches) {
      const full = isFull(batch, webhook.batchMaxSize);
      if (batch.opened) opened.push({ batch, webhook, due: webhook.held ? null : full ? utc(now) : windowEnd });
      else if (batch.added > 0) joined.push({ batch, goesNow: batch.status === "pending" && full });
    }
  }

  if (opened.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "Delivery" (id, "orgId", "webhookId", status, "nextAttemptAt", "createdAt", "updatedAt", "eventCount", "payloadBytes")
      SELECT id, "orgId", "webhookId", CASE WHEN held THEN 'held' ELSE 'pending' END::"DeliveryStatus", due, ${utc(now)}::timestamp, ${utc(now)}::timestamp, events, bytes
      FROM unnest(${opened.map((o) => o.batch.id)}::text[], ${opened.map((o) => o.webhook.orgId)}::text[], ${opened.map((o) => o.webhook.webhookId)}::text[],
                  ${opened.map((o) => o.webhook.held)}::boolean[], ${opened.map((o) => o.due)}::timestamp[],
                  ${opened.map((o) => o.batch.events)}::int[], ${opened.map((o) => o.batch.bytes)}::int[]) AS b(id, "orgId", "webhookId", held, due, events, bytes)`;
  }
  if (joined.length > 0) {
    await tx.$executeRaw`
      UPDATE "Delivery" d SET "eventCount" = j.events, "payloadBytes" = j.bytes,
        "nextAttemptAt" = CASE WHEN j."goesNow" THEN LEAST(d."nextAttemptAt", ${utc(now)}::timestamp) ELSE d."nextAttemptAt" END
      FROM unnest(${joined.map((j) => j.batch.id)}::text[], ${joined.map((j) => j.batch.events)}::int[], ${joined.map((j) => j.batch.bytes)}::int[],
                  ${joined.map((j) => j.goesNow)}::boolean[]) AS j(id, events, bytes, "goesNow")
      WHERE d.id = j.id`;
  }
  await tx.$executeRaw`
    INSERT INTO "DeliveryEvent" ("deliveryId", "eventId")
    SELECT * FROM unnest(${links.map((link) => link.deliveryId)}::text[], ${links.map((link) => link.eventId)}::text[])`;
}

/**
 * Locks the webhooks a fan-out touches, in one statement in id order: every fan-out, claim and
 * round takes webhook rows in that order or one at a time, so concurrent publishes of any orgs
 * proceed side by side without deadlock, and wait for each other only where they share a webhook.
 * NO KEY UPDATE, as an UPDATE takes: it leaves alone the key-share locks that inserting deliveries
 * takes on their webhook, so another publish's inserts never wait for it.
 */
async function lockWebhooks(tx: SqlClient, webhookIds: string[]): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Webhook" WHERE id = ANY(${webhookIds}::text[]) ORDER BY id FOR NO KEY UPDATE`;
}

/**
 * Creates the deliveries a set of published events needs, in the caller's transaction, and
 * returns the webhooks that gained work due now (a paused webhook's held deliveries wait for
 * resume), for the caller to claim (`claimWebhooksToWake`, which locks in the same order). The
 * caller claims the events too (insert or outbox), so each is fanned out exactly once.
 */
export async function fanOutEvents(tx: SqlClient, eventIds: string[], now: Date): Promise<string[]> {
  if (eventIds.length === 0) return [];
  const { webhookIds, batched } = await createSingleDeliveries(tx, eventIds, now);
  if (batched.length > 0) {
    // Without batches to join, the caller's claim is the first lock and takes the same order.
    await lockWebhooks(tx, [...new Set([...webhookIds, ...batched.map((match) => match.webhookId)])]);
    await joinBatches(tx, batched, now);
  }
  const live = new Set(batched.filter((match) => !match.held).map((match) => match.webhookId));
  return [...new Set([...webhookIds, ...live])];
}
