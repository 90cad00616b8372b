import pg from "pg";

/** Anything that runs a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.PoolClient, "query">;

// Every table is schema-qualified, so nothing depends on a connection's search_path.
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
  concurrency_key text,
  concurrency_limit integer,
  lease_until timestamptz,
  output jsonb,
  error jsonb,
  created_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX IF NOT EXISTS runs_due ON inngest_local.runs (wake_at) WHERE status IN ('running', 'sleeping');
CREATE INDEX IF NOT EXISTS runs_by_function ON inngest_local.runs (function_id, status);
ALTER TABLE inngest_local.runs ADD COLUMN IF NOT EXISTS concurrency_key text;
ALTER TABLE inngest_local.runs ADD COLUMN IF NOT EXISTS concurrency_limit integer;
CREATE INDEX IF NOT EXISTS runs_leased_by_key ON inngest_local.runs (concurrency_key, lease_until) WHERE concurrency_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS inngest_local.crons (
  function_id text NOT NULL,
  cron text NOT NULL,
  next_at timestamptz NOT NULL,
  PRIMARY KEY (function_id, cron)
);
`;

/** Every call to the database has a deadline, so a stuck connection fails one call instead of stalling the scheduler. */
export const databaseDeadlines = {
  connectionTimeoutMillis: 5_000,
  statement_timeout: 10_000,
  query_timeout: 15_000,
  idle_in_transaction_session_timeout: 30_000,
};

export function createPool(databaseUrl: string, log: (message: string) => void, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, ...databaseDeadlines });
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

/** Runs `work` in one short transaction. Never hold one across a call to the app: its row locks would block the app's own queries. */
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
