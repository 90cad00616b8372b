import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";

/**
 * What raw-SQL data code needs of a database client: Prisma's tagged templates. Both a Prisma
 * transaction and `sql` below satisfy it, so the engine's statements run on either.
 */
export interface SqlClient {
  $queryRaw<Row = unknown>(strings: TemplateStringsArray, ...values: unknown[]): PromiseLike<Row>;
  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

// Prisma reads and writes `timestamp` columns as UTC: so does this pool, whatever the process's time zone.
const timestampOid = 1114;
const int8Oid = 20;
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === timestampOid) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    // As Prisma answers count(*) and other bigint columns.
    if (oid === int8Oid) return (value: string) => BigInt(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** `$1…$n` text and its values; a Date goes in as UTC text, as Prisma sends it. */
function statement(strings: TemplateStringsArray, values: unknown[]): pg.QueryConfig {
  const text = strings.reduce((sql, part, index) => `${sql}$${index}${part}`);
  return { text, values: values.map((value) => (value instanceof Date ? value.toISOString() : value)) };
}

function clientOf(queryable: pg.Pool | pg.PoolClient): SqlClient {
  return {
    async $queryRaw<Row>(strings: TemplateStringsArray, ...values: unknown[]) {
      return (await queryable.query(statement(strings, values))).rows as Row;
    },
    async $executeRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      return (await queryable.query(statement(strings, values))).rowCount ?? 0;
    },
  };
}

let pool: pg.Pool | null = null;

function sharedPool(): pg.Pool {
  if (pool) return pool;
  pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    types,
    // A statement or a transaction that hangs must not hold its locks for ever (Prisma's transactions time out too).
    statement_timeout: 60_000,
    idle_in_transaction_session_timeout: 60_000,
    // A connection that is dead without a word (a half-open TCP link) must fail a caller, not hang it.
    connectionTimeoutMillis: 10_000,
    query_timeout: 65_000,
    keepAlive: true,
    // An idle pool must not keep a script or a test worker alive.
    allowExitOnIdle: true,
  });
  // An idle connection the server dropped (a restart, a terminated backend) is replaced on the next query; it must not crash the process.
  pool.on("error", (error) => logger.warn({ reason: error.message }, "An idle database connection was closed"));
  return pool;
}

/**
 * The hot paths' client (publish, fan-out, the engine's rounds): node-postgres without Prisma's
 * query engine between, which costs several times the CPU per statement and more per transaction.
 * The rest of the app keeps Prisma's typed models; both pools read the same DATABASE_URL.
 */
export const sql: SqlClient = {
  $queryRaw: (strings, ...values) => clientOf(sharedPool()).$queryRaw(strings, ...values),
  $executeRaw: (strings, ...values) => clientOf(sharedPool()).$executeRaw(strings, ...values),
};

/** Runs `work` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
export async function sqlTransaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
  const connection = await sharedPool().connect();
  // The pool listens for a checked-out connection's errors no more: a backend dropped mid-transaction
  // fails the query in flight, and must not also crash the process as an unheard error event.
  const onError = (error: Error) =>
    logger.warn({ reason: error.message }, "A database connection failed mid-transaction");
  connection.on("error", onError);
  let result: T;
  try {
    await connection.query("BEGIN");
    result = await work(clientOf(connection));
    await connection.query("COMMIT");
  } catch (error) {
    // A connection that cannot even roll back is dropped rather than handed to the next caller.
    const broken = await connection.query("ROLLBACK").then(
      () => false,
      () => true,
    );
    connection.off("error", onError);
    connection.release(broken);
    throw error;
  }
  connection.off("error", onError);
  connection.release();
  return result;
}

/**
 * For the rest of the transaction, joins and `= ANY(…)` filters are planned as index lookups by
 * key. Without statistics (a new database taking a flood before autovacuum's first ANALYZE, or a
 * server that runs none) Postgres estimates `"deliveryId" = ANY(<100 ids>)` at a third of the
 * table and reads all of it: an engine round then scans every link and attempt ever stored, a
 * cost that grows with the history. The engine's lookups touch a round's rows only, so an index
 * is right for them at any table size.
 */
export async function planAsKeyLookups(tx: SqlClient): Promise<void> {
  await tx.$queryRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
    set_config('enable_mergejoin', 'off', true)`;
}
