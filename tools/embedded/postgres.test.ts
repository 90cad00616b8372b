import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/tools/embedded/postgres";
import { migrateDeploy } from "@/test/migrate";

let embedded: EmbeddedPostgres | undefined;
let parentDir: string | undefined;

afterAll(async () => {
  await embedded?.stop();
  if (parentDir) await rm(parentDir, { recursive: true, force: true });
});

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function refusesConnections(url: string): Promise<boolean> {
  return query(url, "SELECT 1").then(
    () => false,
    () => true,
  );
}

it("runs the committed migrations on a real Postgres server, keeps data across restarts and stops", async () => {
  parentDir = await mkdtemp(path.join(tmpdir(), "whk-embedded-pg-"));
  // As root the server runs as the `postgres` user, which must be able to reach its data directory.
  await chmod(parentDir, 0o755);
  const dataDir = path.join(parentDir, "pg");
  // Below Linux's ephemeral range (32768 and up), where another test's outgoing connection could hold it.
  const port = 29_000 + Number(process.env.TEST_PORT_OFFSET ?? 0) + Math.floor(Math.random() * 3_000);

  embedded = await startEmbeddedPostgres(dataDir, port);
  const [server] = await query<{ version: string }>(embedded.url, "SELECT version()");
  expect(server?.version).toMatch(/^PostgreSQL 17\./);
  expect(await migrateDeploy(embedded.url)).toBe(0);
  const inserted = await query<{ id: string }>(
    embedded.url,
    `INSERT INTO "Organization" (slug, name, "updatedAt") VALUES ('embedded', 'Embedded', now()) RETURNING id`,
  );
  expect(inserted[0]?.id).toMatch(/^org_[0-9a-f]{32}$/);
  await embedded.stop();
  expect(await refusesConnections(embedded.url)).toBe(true);

  embedded = await startEmbeddedPostgres(dataDir, port);
  const kept = await query<{ slug: string }>(embedded.url, `SELECT slug FROM "Organization"`);
  expect(kept.map((row) => row.slug)).toEqual(["embedded"]);
  await embedded.stop();
  embedded = undefined;
});
