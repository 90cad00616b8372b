import { db } from "@/lib/db";

/**
 * Per-webhook rate limit (deliveries per second), queued rather than dropped: each send reserves
 * the webhook's next free slot, one interval after the previous one, and waits for it. Inngest's
 * own throttle takes one fixed limit per function, so a limit that is a per-webhook setting is
 * paced here, in one atomic update. Returns how long to wait before sending (0: go now).
 */
export async function reserveSendSlot(webhookId: string): Promise<number> {
  // Timestamps are UTC without a zone, as Prisma stores them; the wait is computed in one clock.
  const rows = await db.$queryRaw<{ waitMs: number }[]>`
    WITH current AS (
      SELECT id,
             GREATEST(clock_timestamp() AT TIME ZONE 'UTC', COALESCE("nextSendAt", '-infinity')) AS slot,
             make_interval(secs => 1.0 / "rateLimitPerSecond") AS gap
      FROM "Webhook" WHERE id = ${webhookId} AND "rateLimitPerSecond" IS NOT NULL
      FOR UPDATE)
    UPDATE "Webhook" w SET "nextSendAt" = current.slot + current.gap FROM current WHERE w.id = current.id
    RETURNING GREATEST(0, EXTRACT(EPOCH FROM current.slot - clock_timestamp() AT TIME ZONE 'UTC') * 1000)::float8 AS "waitMs"`;
  return Math.round(rows[0]?.waitMs ?? 0);
}
