import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { eventDetailOutput, eventOutput, type eventListQuery, type EventOutput } from "@/lib/events/schemas";
import { notFound } from "@/lib/http/errors";
import { pageArgs, toPage, type Page } from "@/lib/http/pagination";

export async function listEvents(orgId: string, query: z.infer<typeof eventListQuery>): Promise<Page<EventOutput>> {
  const where = {
    orgId,
    ...(query.type ? { type: query.type } : {}),
    ...(query.projectId ? { projectId: query.projectId } : {}),
  };
  const rows = await db.event.findMany(pageArgs(orgId, query, where));
  const page = toPage(orgId, rows, query.limit);
  return { ...page, data: page.data.map((row) => eventOutput.parse(row)) };
}

export async function getEvent(orgId: string, id: string) {
  const row = await db.event.findFirst({
    where: { id, orgId },
    include: { deliveries: { select: { delivery: { select: { id: true, webhookId: true, status: true } } } } },
  });
  if (!row) throw notFound("Event");
  return eventDetailOutput.parse({ ...row, deliveries: row.deliveries.map((link) => link.delivery) });
}
