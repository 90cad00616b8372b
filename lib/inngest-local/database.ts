import pg from "pg";

/** Anything that runs a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.PoolClient, "query">;

// Every table is schema-qualified: on PGlite all connections share one session, so a search_path
// set by anyone would leak to everyone.
const schemaStatements = `
CREATE SCHEMA IF NOT EXISTS inngest_local;
CREATE TABLE IF NOT EXISTS inngest_local.apps (
  id text PRIMARY KEY,
  url text NOT NULL,
  synced_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS inngest_local.functions (
  id text PRIMARY KEY,
  app_id text NOT NULL,
  config jsonb NOT NULL
);
CREATE TABLE IF NOT EXISTS inngest_local.events (
  id text PRIMARY KEY,
  name text NOT NULL,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS inngest_local.event_keys (
  key text PRIMARY KEY,
  event_id text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS inngest_local.runs (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  function_id text NOT NULL,
  event jsonb NOT NULL,
  status text NOT NULL,
  state jsonb NOT NULL,
  wake_at timestamptz NOT NULL,
  lease_token text,
  lease_until timestamptz,
  output jsonb,
  error jsonb,
  created_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX IF NOT EXISTS runs_due ON inngest_local.runs (wake_at) WHERE status IN ('running', 'sleeping');
CREATE INDEX IF NOT EXISTS runs_by_function ON inngest_local.runs (function_id, status);
CREATE TABLE IF NOT EXISTS inngest_local.crons (
  function_id text NOT NULL,
  cron text NOT NULL,
  next_at timestamptz NOT NULL,
  PRIMARY KEY (function_id, cron)
);
`;

export function createPool(databaseUrl: string, log: (message: string) => void): pg.Pool {
  // A few connections: workers, heartbeats and the event API each need one briefly.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  pool.on("error", (error) => log(`database connection error: ${error.message}`));
  return pool;
}

// Two executors creating the schema at once can collide on the catalog even with IF NOT EXISTS.
const creationRaceCodes = new Set(["23505", "42P06", "42P07"]);

export async function ensureSchema(pool: pg.Pool): Promise<void> {
  try {
    await pool.query(schemaStatements);
  } catch (error) {
    if (!creationRaceCodes.has((error as { code?: string }).code ?? "")) throw error;
    await pool.query(schemaStatements);
  }
}

/** Runs `work` in one short transaction. Never hold one across a call to the app: on PGlite it would block the app's own queries. */
export async function inTransaction<T>(pool: pg.Pool, work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** jsonb parameters go in as text: pg would turn a JS array into a Postgres array. */
export const json = (value: unknown): string => JSON.stringify(value ?? null);
