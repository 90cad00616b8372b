import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminQuery, databaseUrl, uniqueName } from "../test/postgres";

const root = path.resolve(import.meta.dirname, "..");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");

type CliResult = { code: number; stdout: string; stderr: string };

// Runs the real Prisma CLI, which picks up the offline schema engine from prisma.config.ts.
async function prisma(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [prismaCli, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

const database = uniqueName("whk_migrations");
const url = databaseUrl(database);
const env = { DATABASE_URL: url };

describe("prisma/migrations", () => {
  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE "${database}"`);
  });

  afterAll(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  it("apply to an empty database with `prisma migrate deploy`", async () => {
    const deploy = await prisma(["migrate", "deploy"], env);
    expect(deploy.code, deploy.stdout + deploy.stderr).toBe(0);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      const tables = rows.map((r) => r.table_name);
      expect(tables).toEqual(expect.arrayContaining(["_prisma_migrations", "Organization", "Webhook", "User"]));

      const { rows: failed } = await client.query(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NULL OR rolled_back_at IS NOT NULL`,
      );
      expect(failed).toEqual([]);
    } finally {
      await client.end();
    }

    const status = await prisma(["migrate", "status"], env);
    expect(status.code, status.stdout + status.stderr).toBe(0);
    expect(status.stdout).toContain("Database schema is up to date");
  });

  it("match prisma/schema.prisma (no drift)", async () => {
    const diff = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      env,
    );
    expect(diff.code, `schema.prisma has changes without a migration:\n${diff.stdout}${diff.stderr}`).toBe(0);
  });

  // Guards the check above against passing vacuously: drop the newest migration and it must fail.
  it("would report drift if a migration were missing", async () => {
    const source = path.join(root, "prisma", "migrations");
    const migrations = (await readdir(source, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const truncated = await mkdtemp(path.join(tmpdir(), "whk-migrations-"));
    try {
      await cp(source, truncated, { recursive: true, filter: (src) => !src.includes(migrations.sort().at(-1)!) });
      const diff = await prisma(
        ["migrate", "diff", "--from-migrations", truncated, "--to-schema", "prisma/schema.prisma", "--exit-code"],
        env,
      );
      expect(diff.code, diff.stdout + diff.stderr).toBe(2);
    } finally {
      await rm(truncated, { recursive: true, force: true });
    }
  });
});
