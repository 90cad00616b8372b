import { db } from "@/lib/db";

/**
 * Deletes history older than each org's retention: finished deliveries (their attempts go with
 * them) and the events no live delivery still needs. Deliveries still retrying are kept.
 */
export async function purgeHistory(): Promise<{ deliveries: number; events: number }> {
  const deliveries = await db.$executeRaw`
    DELETE FROM "Delivery" d USING "Organization" o
    WHERE d."orgId" = o.id
      AND d."createdAt" < now() - make_interval(days => o."retentionDays")
      AND d.status IN ('succeeded', 'failed')`;
  const events = await db.$executeRaw`
    DELETE FROM "Event" e USING "Organization" o
    WHERE e."orgId" = o.id
      AND e."createdAt" < now() - make_interval(days => o."retentionDays")
      AND e."dispatchedAt" IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM "DeliveryEvent" de JOIN "Delivery" d ON d.id = de."deliveryId"
        WHERE de."eventId" = e.id AND d.status IN ('pending', 'sending', 'retrying'))`;
  return { deliveries, events };
}
