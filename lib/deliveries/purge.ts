import { db } from "@/lib/db";

/**
 * Deletes history older than each org's retention: finished deliveries (their attempts go with
 * them), the events no live delivery still needs, and the stats rollups' hours and days that
 * ended before it. Deliveries still retrying are kept.
 */
export async function purgeHistory(): Promise<{ deliveries: number; events: number; statsHours: number; statsDays: number }> {
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
  // A rollup row goes once the whole hour or day it counts is past retention.
  const statsHours = await db.$executeRaw`
    DELETE FROM "AttemptHourly" r USING "Organization" o
    WHERE r."orgId" = o.id
      AND r.hour <= now() - make_interval(days => o."retentionDays") - interval '1 hour'`;
  const statsDays = await db.$executeRaw`
    DELETE FROM "AttemptDaily" r USING "Organization" o
    WHERE r."orgId" = o.id
      AND r.day <= now() - make_interval(days => o."retentionDays" + 1)`;
  return { deliveries, events, statsHours, statsDays };
}
