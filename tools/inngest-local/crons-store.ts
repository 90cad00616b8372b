import { nextCronTime } from "@/tools/inngest-local/cron";
import type { Queryable } from "@/tools/inngest-local/database";
import type { FunctionConfig } from "@/tools/inngest-local/protocol";

export interface DueCron {
  functionId: string;
  cron: string;
  nextAt: Date;
}

const cronsOf = (fn: FunctionConfig) => fn.triggers.flatMap((trigger) => ("cron" in trigger ? [trigger.cron] : []));

/**
 * Keeps one schedule row per (function, cron) of the app. A schedule that already exists keeps its
 * next time, so re-syncing neither skips nor repeats a tick.
 */
export async function syncCrons(db: Queryable, appId: string, functions: FunctionConfig[], now: Date): Promise<void> {
  const wanted = functions.flatMap((fn) => cronsOf(fn).map((cron) => ({ functionId: fn.id, cron })));
  // Runs after saveFunctions: schedules of functions that are gone, or of crons the app dropped, go.
  await db.query(
    `DELETE FROM inngest_local.crons
     WHERE (function_id IN (SELECT id FROM inngest_local.functions WHERE app_id = $1)
            OR function_id NOT IN (SELECT id FROM inngest_local.functions))
       AND (function_id, cron) NOT IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
    [appId, wanted.map((entry) => entry.functionId), wanted.map((entry) => entry.cron)],
  );
  for (const { functionId, cron } of wanted) {
    await db.query(
      `INSERT INTO inngest_local.crons (function_id, cron, next_at) VALUES ($1, $2, $3) ON CONFLICT (function_id, cron) DO NOTHING`,
      [functionId, cron, nextCronTime(cron, now)],
    );
  }
}

/** Locks the most overdue schedule for the rest of the transaction, or returns null. */
export async function claimDueCron(db: Queryable, now: Date): Promise<DueCron | null> {
  const { rows } = await db.query<{ function_id: string; cron: string; next_at: Date }>(
    `SELECT function_id, cron, next_at FROM inngest_local.crons WHERE next_at <= $1 ORDER BY next_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [now],
  );
  const row = rows[0];
  return row ? { functionId: row.function_id, cron: row.cron, nextAt: row.next_at } : null;
}

export async function rescheduleCron(db: Queryable, due: DueCron, nextAt: Date): Promise<void> {
  await db.query(`UPDATE inngest_local.crons SET next_at = $3 WHERE function_id = $1 AND cron = $2`, [
    due.functionId,
    due.cron,
    nextAt,
  ]);
}

export async function nextCronAt(db: Queryable): Promise<Date | null> {
  const { rows } = await db.query<{ due: Date | null }>(`SELECT min(next_at) AS due FROM inngest_local.crons`);
  return rows[0]?.due ?? null;
}
