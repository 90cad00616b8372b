import pg from "pg";

const installed: string[] = [];

async function run(statements: string[]) {
  // Loaded here, not at the top: a file may set lib/env's settings before its first import of it.
  const { env } = await import("@/lib/env");
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Makes the database refuse every `operation` on `table` for the org's rows, as a full disk or a
 * lost connection would at that statement, until `restore` (or `restoreWrites` after each test): a
 * trigger that raises. What the refused write belonged to must then leave nothing behind.
 */
export async function failWrites(
  table: "AuditLog" | "Email",
  operation: "INSERT" | "UPDATE",
  orgId: string,
): Promise<{ restore: () => Promise<void> }> {
  const name = `fail_${table}_${operation}_${orgId}`.replace(/[^a-z0-9]/gi, "_").toLowerCase();
  await run([
    `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'write refused by the test'; END $$`,
    `CREATE TRIGGER ${name} BEFORE ${operation} ON "${table}" FOR EACH ROW
     WHEN (NEW."orgId" = ${pg.escapeLiteral(orgId)}) EXECUTE FUNCTION ${name}()`,
  ]);
  installed.push(`DROP TRIGGER IF EXISTS ${name} ON "${table}"`, `DROP FUNCTION IF EXISTS ${name}()`);
  return { restore: () => restoreWrites() };
}

/** Lets every refused write through again. */
export async function restoreWrites(): Promise<void> {
  await run(installed.splice(0));
}
