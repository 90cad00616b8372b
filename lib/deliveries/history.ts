import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { attemptOutput, deliveryDetail, deliverySummary, type deliveryListQuery } from "@/lib/deliveries/schemas";
import { notFound } from "@/lib/http/errors";
import { pageArgs, toPage, type Page } from "@/lib/http/pagination";

const summaryInclude = {
  events: { select: { event: { select: { id: true, type: true, projectId: true, createdAt: true } } } },
  attempts: { orderBy: { number: "desc" }, take: 1, select: { responseStatus: true, errorClass: true, durationMs: true } },
} as const satisfies Prisma.DeliveryInclude;

type DeliveryRow = Prisma.DeliveryGetPayload<{ include: typeof summaryInclude }>;

function toSummary(row: DeliveryRow) {
  const last = row.attempts[0];
  return deliverySummary.parse({
    ...row,
    eventTypes: [...new Set(row.events.map(({ event }) => event.type))],
    eventCount: row.events.length,
    lastResponseStatus: last?.responseStatus ?? null,
    lastErrorClass: last?.errorClass ?? null,
    lastDurationMs: last?.durationMs ?? null,
  });
}

export type DeliverySummary = z.infer<typeof deliverySummary>;

/** A webhook's history, newest first: SonarQube's "latest result, timestamp and payload", then earlier ones. */
export async function listDeliveries(orgId: string, webhookId: string, query: z.infer<typeof deliveryListQuery>): Promise<Page<DeliverySummary>> {
  const webhook = await db.webhook.findFirst({ where: { id: webhookId, orgId }, select: { id: true } });
  if (!webhook) throw notFound("Webhook");
  // Prisma states the cursor as `createdAt = … OR createdAt < …`, which no index range can serve:
  // a page deep in the history would scan every newer delivery. The cursor's own time, as a bound
  // too, starts the index scan at the cursor.
  const cursor = query.cursor ? await db.delivery.findFirst({ where: { id: query.cursor, orgId, webhookId }, select: { createdAt: true } }) : null;
  const rows = await db.delivery.findMany({
    where: {
      orgId,
      webhookId,
      ...(cursor ? { createdAt: { lte: cursor.createdAt } } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.eventType ? { events: { some: { event: { type: query.eventType } } } } : {}),
    },
    include: summaryInclude,
    ...pageArgs(query),
  });
  const page = toPage(rows, query.limit);
  return { ...page, data: page.data.map(toSummary) };
}

export async function getDeliverySummary(orgId: string, id: string): Promise<DeliverySummary> {
  const row = await db.delivery.findFirst({ where: { id, orgId }, include: summaryInclude });
  if (!row) throw notFound("Delivery");
  return toSummary(row);
}

export async function getDelivery(orgId: string, id: string) {
  const row = await db.delivery.findFirst({ where: { id, orgId }, include: summaryInclude });
  if (!row) throw notFound("Delivery");
  const attempts = await db.attempt.findMany({ where: { orgId, deliveryId: id }, orderBy: { number: "asc" } });
  return deliveryDetail.parse({ ...toSummary(row), events: row.events.map(({ event }) => event), attempts: attempts.map((attempt) => attemptOutput.parse(attempt)) });
}

export async function getAttempt(orgId: string, id: string) {
  const row = await db.attempt.findFirst({ where: { id, orgId } });
  if (!row) throw notFound("Attempt");
  return attemptOutput.parse(row);
}
