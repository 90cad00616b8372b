import "server-only";
import { recordAudit } from "@/lib/audit/audit";
import { db } from "@/lib/db";

/**
 * A paused webhook's held deliveries wait at most the org's retention: older ones are dropped, and
 * the webhook's audit log says how many and why (Hookdeck drops held events the same way), in the
 * same transaction.
 */
async function dropExpiredHeld(): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const dropped = await tx.$queryRaw<
        { orgId: string; webhookId: string; name: string; count: number; retentionDays: number }[]
      >`
      WITH gone AS (
        DELETE FROM "Delivery" d USING "Organization" o
        WHERE d."orgId" = o.id AND d.status = 'held' AND d."createdAt" < now() - make_interval(days => o."retentionDays")
        RETURNING d."orgId", d."webhookId", o."retentionDays"
      )
      SELECT g."orgId", g."webhookId", w.name, count(*)::int AS count, g."retentionDays" FROM gone g JOIN "Webhook" w ON w.id = g."webhookId"
      GROUP BY g."orgId", g."webhookId", w.name, g."retentionDays"`;
      for (const { orgId, webhookId, name, count, retentionDays } of dropped) {
        await recordAudit(
          orgId,
          { type: "system", label: "Webhook Hub" },
          "webhook.held_dropped",
          { type: "webhook", id: webhookId },
          {
            name,
            deliveries: count,
            reason: `Held while the webhook was paused for longer than the organization's ${retentionDays}-day retention.`,
          },
          tx,
        );
      }
      return dropped.reduce((sum, row) => sum + row.count, 0);
    },
    // A large drop outlasts an interactive transaction's 5 s default.
    { timeout: 60_000 },
  );
}

/**
 * Deletes history older than each org's retention: finished deliveries (their attempts go with
 * them), the events no live delivery still needs, and the stats rollups' hours and days that
 * ended before it. Deliveries still retrying are kept; held ones past retention are dropped with a reason.
 */
export async function purgeHistory(): Promise<{
  deliveries: number;
  heldDropped: number;
  events: number;
  statsHours: number;
  statsDays: number;
}> {
  const heldDropped = await dropExpiredHeld();
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
        WHERE de."eventId" = e.id AND d.status IN ('held', 'pending', 'sending', 'retrying'))`;
  // A rollup row goes once the whole hour or day it counts is past retention.
  const statsHours = await db.$executeRaw`
    DELETE FROM "AttemptHourly" r USING "Organization" o
    WHERE r."orgId" = o.id
      AND r.hour <= now() - make_interval(days => o."retentionDays") - interval '1 hour'`;
  const statsDays = await db.$executeRaw`
    DELETE FROM "AttemptDaily" r USING "Organization" o
    WHERE r."orgId" = o.id
      AND r.day <= now() - make_interval(days => o."retentionDays" + 1)`;
  return { deliveries, heldDropped, events, statsHours, statsDays };
}
