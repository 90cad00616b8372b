import { json, type Queryable } from "@/tools/inngest-local/database";
import { functionConfigSchema, type FunctionConfig, type Registration } from "@/tools/inngest-local/protocol";

/** Replaces an app's functions with the ones it just registered. */
export async function saveFunctions(db: Queryable, registration: Registration, now: Date): Promise<void> {
  const ids = registration.functions.map((fn) => fn.id);
  await db.query(
    `INSERT INTO inngest_local.apps (id, url, synced_at) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, synced_at = EXCLUDED.synced_at`,
    [registration.appId, registration.url, now],
  );
  await db.query(`DELETE FROM inngest_local.functions WHERE app_id = $1 AND NOT (id = ANY($2::text[]))`, [
    registration.appId,
    ids,
  ]);
  for (const fn of registration.functions) {
    await db.query(
      `INSERT INTO inngest_local.functions (id, app_id, config) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (id) DO UPDATE SET app_id = EXCLUDED.app_id, config = EXCLUDED.config`,
      [fn.id, registration.appId, json(fn)],
    );
  }
}

export async function listFunctions(db: Queryable): Promise<FunctionConfig[]> {
  const { rows } = await db.query<{ config: unknown }>(`SELECT config FROM inngest_local.functions ORDER BY id`);
  return rows.map((row) => functionConfigSchema.parse(row.config));
}
