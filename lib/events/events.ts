import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import {
  eventDetailOutput,
  eventListItem,
  type EventFilter,
  type EventListItem,
  type EventListQuery,
} from "@/lib/events/schemas";
import { notFound } from "@/lib/http/errors";
import { decodeCursor, toPage, type Page } from "@/lib/http/pagination";

/** The events a delivery of this org carries: none for another org's delivery. */
const carriedBy = (orgId: string, deliveryId: string) => Prisma.sql`
  SELECT de."eventId" FROM "DeliveryEvent" de JOIN "Delivery" d ON d.id = de."deliveryId"
  WHERE d.id = ${deliveryId} AND d."orgId" = ${orgId}`;

/** Whether the event has a delivery of this org in this state. */
const hasDeliveryIn = (orgId: string, status: string) => Prisma.sql`
  EXISTS (
    SELECT 1 FROM "DeliveryEvent" de JOIN "Delivery" d ON d.id = de."deliveryId"
    WHERE de."eventId" = e.id AND d."orgId" = ${orgId} AND d.status = ${status}::"DeliveryStatus"
  )`;

const and = (condition: Prisma.Sql | false | undefined) => (condition ? Prisma.sql`AND ${condition}` : Prisma.empty);

/** The conditions an event `e` of this org meets to match the search; every value a bound parameter. */
export function matching(orgId: string, filter: EventFilter): Prisma.Sql {
  return Prisma.sql`e."orgId" = ${orgId}
      ${and(filter.id !== undefined && Prisma.sql`e.id = ${filter.id}`)}
      ${and(filter.type !== undefined && Prisma.sql`e.type = ${filter.type}`)}
      ${and(filter.projectId !== undefined && Prisma.sql`e."projectId" = ${filter.projectId}`)}
      ${and(filter.deliveryId !== undefined && Prisma.sql`e.id IN (${carriedBy(orgId, filter.deliveryId)})`)}
      ${and(filter.status !== undefined && hasDeliveryIn(orgId, filter.status))}
      ${and(filter.from !== undefined && Prisma.sql`e."createdAt" >= ${new Date(filter.from)}`)}
      ${and(filter.to !== undefined && Prisma.sql`e."createdAt" < ${new Date(filter.to)}`)}
      ${and(filter.q !== undefined && Prisma.sql`strpos(lower(e.payload::text), lower(${filter.q})) > 0`)}`;
}

/**
 * The statement for one page of the org's event log, newest first, each event with its deliveries
 * counted per state (one probe of DeliveryEvent(eventId) per event on the page, not per event
 * scanned). Event(orgId, createdAt) gives the order; the keyset after the cursor is a row
 * comparison on (createdAt, id), as in the delivery history. Every value is a bound parameter;
 * the payload search is a case-insensitive substring of the payload's JSON text (`strpos`, so the
 * text needs no LIKE escaping), over this org's events only.
 */
export function eventPageStatement(orgId: string, query: EventListQuery): Prisma.Sql {
  const after = query.cursor ? decodeCursor(orgId, query.cursor) : null;
  return Prisma.sql`
    SELECT e.id, e.type, e."projectId", e.payload, e.properties, e."idempotencyKey", e."dispatchedAt", e."createdAt",
           coalesce(counts.held, 0)::int AS held, coalesce(counts.pending, 0)::int AS pending,
           coalesce(counts.sending, 0)::int AS sending, coalesce(counts.succeeded, 0)::int AS succeeded,
           coalesce(counts.retrying, 0)::int AS retrying, coalesce(counts.failed, 0)::int AS failed
    FROM "Event" e
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE d.status = 'held') AS held,
             count(*) FILTER (WHERE d.status = 'pending') AS pending,
             count(*) FILTER (WHERE d.status = 'sending') AS sending,
             count(*) FILTER (WHERE d.status = 'succeeded') AS succeeded,
             count(*) FILTER (WHERE d.status = 'retrying') AS retrying,
             count(*) FILTER (WHERE d.status = 'failed') AS failed
      FROM "DeliveryEvent" de JOIN "Delivery" d ON d.id = de."deliveryId"
      WHERE de."eventId" = e.id AND d."orgId" = ${orgId}
    ) counts ON true
    WHERE ${matching(orgId, query)}
      ${and(after !== null && Prisma.sql`(e."createdAt", e.id) < (${after.createdAt}, ${after.id})`)}
    ORDER BY e."createdAt" DESC, e.id DESC
    LIMIT ${query.limit + 1}`;
}

interface EventRow {
  id: string;
  type: string;
  projectId: string | null;
  payload: unknown;
  properties: unknown;
  idempotencyKey: string | null;
  dispatchedAt: Date | null;
  createdAt: Date;
  held: number;
  pending: number;
  sending: number;
  succeeded: number;
  retrying: number;
  failed: number;
}

function toListItem({ held, pending, sending, succeeded, retrying, failed, ...event }: EventRow): EventListItem {
  return eventListItem.parse({ ...event, deliveryCounts: { held, pending, sending, succeeded, retrying, failed } });
}

/** The org's event log, newest first: one statement a page, whatever the filters. */
export async function listEvents(orgId: string, query: EventListQuery): Promise<Page<EventListItem>> {
  const rows = await db.$queryRaw<EventRow[]>(eventPageStatement(orgId, query));
  return toPage(orgId, rows.map(toListItem), query.limit);
}

/** An event and where it went: each delivery carrying it, its webhook and its latest result. */
export async function getEvent(orgId: string, id: string) {
  const row = await db.event.findFirst({ where: { id, orgId } });
  if (!row) throw notFound("Event");
  const links = await db.deliveryEvent.findMany({ where: { eventId: id }, select: { deliveryId: true } });
  const deliveries = await db.delivery.findMany({
    where: { orgId, id: { in: links.map((link) => link.deliveryId) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      webhookId: true,
      status: true,
      isTest: true,
      attemptCount: true,
      lastAttemptAt: true,
      nextAttemptAt: true,
      webhook: { select: { name: true } },
      attempts: { orderBy: { number: "desc" }, take: 1, select: { responseStatus: true, errorClass: true } },
    },
  });
  return eventDetailOutput.parse({
    ...row,
    deliveries: deliveries.map(({ webhook, attempts, ...delivery }) => ({
      ...delivery,
      webhookName: webhook.name,
      lastResponseStatus: attempts[0]?.responseStatus ?? null,
      lastErrorClass: attempts[0]?.errorClass ?? null,
    })),
  });
}
