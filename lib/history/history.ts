import "server-only";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db, type Db } from "@/lib/db";
import { attemptOutput, deliveryDetail, deliverySummary, type deliveryListQuery } from "@/lib/history/schemas";
import { notFound } from "@/lib/http/errors";
import { decodeCursor, toPage, type Page } from "@/lib/http/pagination";

const summaryInclude = {
  attempts: {
    orderBy: { number: "desc" },
    take: 1,
    select: { responseStatus: true, errorClass: true, durationMs: true },
  },
} as const satisfies Prisma.DeliveryInclude;

type DeliveryRow = Prisma.DeliveryGetPayload<{ include: typeof summaryInclude }>;

/** A transaction, to answer a change with what it committed; the pool otherwise. */
type HistoryReader = Pick<Db, "delivery" | "attempt" | "deliveryEvent" | "event">;

type CarriedEvent = { id: string; type: string; projectId: string | null; createdAt: Date };

/** The events a delivery carries, oldest first. */
async function carriedEvents(client: HistoryReader, orgId: string, deliveryId: string): Promise<CarriedEvent[]> {
  const links = await client.deliveryEvent.findMany({ where: { deliveryId }, select: { eventId: true } });
  return client.event.findMany({
    where: { orgId, id: { in: links.map((link) => link.eventId) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, type: true, projectId: true, createdAt: true },
  });
}

/** `lastRequestUrl`: the latest attempt's to the webhook's own URL (a SecurityScorecard follow-up goes elsewhere). */
function toSummary(row: DeliveryRow, events: CarriedEvent[], lastRequestUrl: string | null) {
  const last = row.attempts[0];
  return deliverySummary.parse({
    ...row,
    eventTypes: [...new Set(events.map((event) => event.type))].sort(),
    eventCount: events.length,
    lastResponseStatus: last?.responseStatus ?? null,
    lastErrorClass: last?.errorClass ?? null,
    lastDurationMs: last?.durationMs ?? null,
    lastRequestUrl,
  });
}

export type DeliverySummary = z.infer<typeof deliverySummary>;

/**
 * The statement for one page of a webhook's history, newest first. Each delivery's latest attempt
 * is one probe of Attempt(deliveryId, number DESC) and its events one of DeliveryEvent's key,
 * made only for the rows on the page. Delivery(orgId, webhookId, createdAt DESC, id DESC) gives the
 * order, and the keyset after the cursor, a row comparison on (createdAt, id), is a bound of that
 * index scan, so a page deep in the history costs what the newest does. The cursor is the opaque,
 * org-signed keyset of the page's last row (lib/http/pagination.ts), so a row deleted meanwhile
 * does not end the list.
 */
export function deliveryPageStatement(
  orgId: string,
  webhookId: string,
  query: z.infer<typeof deliveryListQuery>,
): Prisma.Sql {
  const after = query.cursor ? decodeCursor(orgId, query.cursor) : null;
  return Prisma.sql`
    SELECT d.id, d."webhookId", d.status::text AS status, d."isTest", d."attemptCount", d."lastAttemptAt", d."nextAttemptAt", d."createdAt",
           coalesce(events.types, '{}') AS "eventTypes", coalesce(events.count, 0)::int AS "eventCount",
           latest."responseStatus" AS "lastResponseStatus", latest."errorClass" AS "lastErrorClass", latest."durationMs" AS "lastDurationMs",
           (SELECT a."requestUrl" FROM "Attempt" a WHERE a."deliveryId" = d.id AND a."followUp" = 0 ORDER BY a.number DESC LIMIT 1) AS "lastRequestUrl"
    FROM "Delivery" d
    LEFT JOIN LATERAL (
      SELECT a."responseStatus", a."errorClass", a."durationMs" FROM "Attempt" a WHERE a."deliveryId" = d.id ORDER BY a.number DESC LIMIT 1
    ) latest ON true
    LEFT JOIN LATERAL (
      SELECT array_agg(DISTINCT e.type ORDER BY e.type) AS types, count(*) AS count
      FROM "DeliveryEvent" de JOIN "Event" e ON e.id = de."eventId" WHERE de."deliveryId" = d.id
    ) events ON true
    WHERE d."orgId" = ${orgId} AND d."webhookId" = ${webhookId}
      ${query.status ? Prisma.sql`AND d.status = ${query.status}::"DeliveryStatus"` : Prisma.empty}
      ${
        query.eventType
          ? Prisma.sql`AND EXISTS (SELECT 1 FROM "DeliveryEvent" de JOIN "Event" e ON e.id = de."eventId" WHERE de."deliveryId" = d.id AND e.type = ${query.eventType})`
          : Prisma.empty
      }
      ${after ? Prisma.sql`AND (d."createdAt", d.id) < (${after.createdAt}, ${after.id})` : Prisma.empty}
    ORDER BY d."createdAt" DESC, d.id DESC
    LIMIT ${query.limit + 1}`;
}

/**
 * A webhook's history, newest first: SonarQube's "latest result, timestamp and payload", then
 * earlier ones. Two round trips a page (the webhook, then one statement for the page), however
 * long the history.
 */
export async function listDeliveries(
  orgId: string,
  webhookId: string,
  query: z.infer<typeof deliveryListQuery>,
): Promise<Page<DeliverySummary>> {
  const webhook = await db.webhook.findFirst({ where: { id: webhookId, orgId }, select: { id: true } });
  if (!webhook) throw notFound("Webhook");
  const rows = await db.$queryRaw<unknown[]>(deliveryPageStatement(orgId, webhookId, query));
  return toPage(
    orgId,
    rows.map((row) => deliverySummary.parse(row)),
    query.limit,
  );
}

export async function getDeliverySummary(
  orgId: string,
  id: string,
  client: HistoryReader = db,
): Promise<DeliverySummary> {
  const row = await client.delivery.findFirst({ where: { id, orgId }, include: summaryInclude });
  if (!row) throw notFound("Delivery");
  const own = await client.attempt.findFirst({
    where: { orgId, deliveryId: id, followUp: 0 },
    orderBy: { number: "desc" },
    select: { requestUrl: true },
  });
  return toSummary(row, await carriedEvents(client, orgId, id), own?.requestUrl ?? null);
}

export async function getDelivery(orgId: string, id: string) {
  const row = await db.delivery.findFirst({ where: { id, orgId }, include: summaryInclude });
  if (!row) throw notFound("Delivery");
  const attempts = await db.attempt.findMany({ where: { orgId, deliveryId: id }, orderBy: { number: "asc" } });
  const own = attempts.filter((attempt) => attempt.followUp === 0).at(-1);
  const events = await carriedEvents(db, orgId, id);
  return deliveryDetail.parse({
    ...toSummary(row, events, own?.requestUrl ?? null),
    events,
    attempts: attempts.map((attempt) => attemptOutput.parse(attempt)),
  });
}

export async function getAttempt(orgId: string, id: string, client: HistoryReader = db) {
  const row = await client.attempt.findFirst({ where: { id, orgId } });
  if (!row) throw notFound("Attempt");
  return attemptOutput.parse(row);
}
