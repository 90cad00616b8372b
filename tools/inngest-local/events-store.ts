import { json, type Queryable } from "@/tools/inngest-local/database";
import type { InngestEvent } from "@/tools/inngest-local/protocol";

/** Like Inngest: a second event with the same `id` within 24 hours is accepted but ignored. */
export const dedupeWindowMs = 24 * 60 * 60 * 1000;

/**
 * Reserves an event id for the dedupe window. Returns null when the id is new (or its window has
 * passed), or the stored event that already used it.
 */
export async function claimEventKey(db: Queryable, key: string, eventId: string, now: Date): Promise<string | null> {
  const { rows } = await db.query<{ event_id: string }>(
    `INSERT INTO inngest_local.event_keys (key, event_id, expires_at) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET event_id = EXCLUDED.event_id, expires_at = EXCLUDED.expires_at
       WHERE inngest_local.event_keys.expires_at <= $4
     RETURNING event_id`,
    [key, eventId, new Date(now.getTime() + dedupeWindowMs), now],
  );
  if (rows.length > 0) return null;
  const existing = await db.query<{ event_id: string }>(
    `SELECT event_id FROM inngest_local.event_keys WHERE key = $1`,
    [key],
  );
  return existing.rows[0]?.event_id ?? null;
}

export async function insertEvent(db: Queryable, eventId: string, event: InngestEvent, now: Date): Promise<void> {
  await db.query(`INSERT INTO inngest_local.events (id, name, payload, received_at) VALUES ($1, $2, $3::jsonb, $4)`, [
    eventId,
    event.name,
    json(event),
    now,
  ]);
}
