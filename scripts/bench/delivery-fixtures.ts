import { db } from "@/lib/db";

const chunkSize = 1000;

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / chunkSize) }, (_, index) => items.slice(index * chunkSize, (index + 1) * chunkSize));
}

/**
 * Deliveries waiting for their first attempt, as fan-out leaves them, each carrying
 * `eventsEach` events of its own. Written in bulk: the benchmark times attempts, not set-up.
 */
export async function createPendingDeliveries(orgId: string, webhookId: string, count: number, eventsEach: number): Promise<string[]> {
  const eventRows = Array.from({ length: count * eventsEach }, (_, sequence) => ({
    orgId,
    type: "project_sca_analysis_finished",
    payload: { project_id: 42, project_name: "payments-service", sequence },
    dispatchedAt: new Date(),
  }));
  const eventIds: string[] = [];
  for (const chunk of chunks(eventRows)) eventIds.push(...(await db.event.createManyAndReturn({ data: chunk, select: { id: true } })).map((row) => row.id));

  const deliveryIds: string[] = [];
  for (const chunk of chunks(Array.from({ length: count }, () => ({ orgId, webhookId })))) {
    deliveryIds.push(...(await db.delivery.createManyAndReturn({ data: chunk, select: { id: true } })).map((row) => row.id));
  }
  const links = deliveryIds.flatMap((deliveryId, index) => eventIds.slice(index * eventsEach, (index + 1) * eventsEach).map((eventId) => ({ deliveryId, eventId })));
  for (const chunk of chunks(links)) await db.deliveryEvent.createMany({ data: chunk });
  return deliveryIds;
}
