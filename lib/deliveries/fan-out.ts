import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { batchingFormats } from "@/lib/webhooks/presets";

type Tx = Prisma.TransactionClient;

export interface DeliveryToStart {
  deliveryId: string;
  webhookId: string;
  /** The webhook paces its sends (rateLimitPerSecond). */
  rateLimited: boolean;
  /** Batched deliveries wait for the window to collect more events before the first attempt. */
  collectForMs: number;
}

/** Webhooks that take this event: live, in scope (project-level, or org-level for all or selected projects), listening to its trigger. */
function matchingWebhooks(tx: Tx, event: { orgId: string; projectId: string | null; type: string }) {
  const scope: Prisma.WebhookWhereInput[] = [{ projectId: null, projects: { none: {} } }];
  if (event.projectId) scope.push({ projectId: event.projectId }, { projectId: null, projects: { some: { id: event.projectId } } });
  return tx.webhook.findMany({
    where: {
      orgId: event.orgId,
      status: { in: ["active", "failing"] },
      AND: [{ OR: [{ triggers: { isEmpty: true } }, { triggers: { has: event.type } }] }, { OR: scope }],
    },
    select: { id: true, format: true, deliveryMode: true, batchWindowMs: true, batchMaxSize: true, rateLimitPerSecond: true },
  });
}

// One request's payloads stay under this, whatever the batch size allows.
const maxBatchPayloadBytes = 1024 * 1024;

type MatchedWebhook = Awaited<ReturnType<typeof matchingWebhooks>>[number];

// A format whose request carries one event is never batched, whatever an older row says.
const batches = (webhook: MatchedWebhook) => webhook.deliveryMode === "batched" && batchingFormats.includes(webhook.format);

function toStart(deliveryId: string, webhook: MatchedWebhook): DeliveryToStart {
  return { deliveryId, webhookId: webhook.id, rateLimited: webhook.rateLimitPerSecond !== null, collectForMs: batches(webhook) ? webhook.batchWindowMs : 0 };
}

/**
 * A batched webhook collects events into its open delivery: one still inside its window, or one
 * waiting to retry (CodeScoring resends the unsuccessful events together with anything new).
 * The webhook row lock serialises concurrent fan-outs; an attempt in flight is never joined.
 */
async function joinOrOpenBatch(tx: Tx, orgId: string, webhook: MatchedWebhook, eventId: string): Promise<DeliveryToStart | null> {
  await tx.$queryRaw`SELECT id FROM "Webhook" WHERE id = ${webhook.id} FOR UPDATE`;
  const [open] = await tx.$queryRaw<{ id: string; events: bigint; bytes: bigint }[]>`
    SELECT d.id, count(de."eventId") AS events, COALESCE(sum(octet_length(e.payload::text)), 0) AS bytes
    FROM "Delivery" d
    LEFT JOIN "DeliveryEvent" de ON de."deliveryId" = d.id
    LEFT JOIN "Event" e ON e.id = de."eventId"
    WHERE d."webhookId" = ${webhook.id} AND d."isTest" = false AND d.status IN ('pending', 'retrying')
    GROUP BY d.id, d."createdAt" ORDER BY d."createdAt" DESC LIMIT 1`;
  if (open && Number(open.events) < webhook.batchMaxSize && Number(open.bytes) < maxBatchPayloadBytes) {
    await tx.deliveryEvent.create({ data: { deliveryId: open.id, eventId } });
    return null;
  }
  const delivery = await tx.delivery.create({ data: { orgId, webhookId: webhook.id, events: { create: { eventId } } }, select: { id: true } });
  return toStart(delivery.id, webhook);
}

/**
 * Creates the deliveries one published event needs and returns those whose run must start.
 * Safe to repeat (a retried step): webhooks that already carry the event are not given it again,
 * and their deliveries that never started are returned again (starting one twice is deduplicated).
 */
export async function fanOut(eventId: string): Promise<DeliveryToStart[]> {
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { id: true, orgId: true, projectId: true, type: true } });
    if (!event) return [];
    const existing = await tx.deliveryEvent.findMany({ where: { eventId }, select: { delivery: { select: { id: true, webhookId: true, status: true } } } });
    const carried = new Map(existing.map(({ delivery }) => [delivery.webhookId, delivery]));
    const starts: DeliveryToStart[] = [];
    for (const webhook of await matchingWebhooks(tx, event)) {
      const already = carried.get(webhook.id);
      if (already) {
        if (already.status === "pending") starts.push(toStart(already.id, webhook));
        continue;
      }
      if (batches(webhook)) {
        const started = await joinOrOpenBatch(tx, event.orgId, webhook, event.id);
        if (started) starts.push(started);
        continue;
      }
      const delivery = await tx.delivery.create({ data: { orgId: event.orgId, webhookId: webhook.id, events: { create: { eventId } } }, select: { id: true } });
      starts.push(toStart(delivery.id, webhook));
    }
    return starts;
  });
}
