import { db } from "@/lib/db";

// A delivery's links to its events are plain rows (no foreign keys, so no Prisma relation): the
// tests' reads across them.

/** The deliveries carrying any of the events. */
export async function deliveryIdsCarrying(eventIds: string[]): Promise<string[]> {
  const links = await db.deliveryEvent.findMany({ where: { eventId: { in: eventIds } }, select: { deliveryId: true } });
  return [...new Set(links.map((link) => link.deliveryId))];
}

/** The events a delivery carries. */
export async function eventsCarriedBy(deliveryId: string) {
  const links = await db.deliveryEvent.findMany({ where: { deliveryId }, select: { eventId: true } });
  return db.event.findMany({ where: { id: { in: links.map((link) => link.eventId) } }, orderBy: { createdAt: "asc" } });
}

/** Every link of the webhooks' deliveries. */
export async function linksOnWebhooks(webhookIds: string[]): Promise<Array<{ deliveryId: string; eventId: string }>> {
  const deliveries = await db.delivery.findMany({ where: { webhookId: { in: webhookIds } }, select: { id: true } });
  return db.deliveryEvent.findMany({
    where: { deliveryId: { in: deliveries.map((delivery) => delivery.id) } },
    select: { deliveryId: true, eventId: true },
  });
}
