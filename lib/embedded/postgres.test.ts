import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/embedded/postgres";

let embedded: EmbeddedPostgres | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

// Asynchronous spawn: the embedded server runs in this process and has to keep answering.
function migrateDeploy(url: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

it("runs the committed migrations on the embedded Postgres and keeps data across restarts", async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "whk-pglite-"));
  const port = 55_000 + Math.floor(Math.random() * 5_000);
  embedded = await startEmbeddedPostgres(dataDir, port);
  expect(await migrateDeploy(embedded.url)).toBe(0);

  const client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(`INSERT INTO "Organization" (slug, name, "updatedAt") VALUES ('embedded', 'Embedded', now()) RETURNING id`);
  expect(rows[0]?.id).toMatch(/^org_[0-9a-f]{32}$/);
  await client.end();
  await embedded.stop();

  embedded = await startEmbeddedPostgres(dataDir, port);
  const again = new pg.Client({ connectionString: embedded.url });
  await again.connect();
  const { rows: kept } = await again.query<{ slug: string }>(`SELECT slug FROM "Organization"`);
  await again.end();
  expect(kept.map((row) => row.slug)).toEqual(["embedded"]);
});
