import { runCommand } from "@/scripts/bench/run-command";
import { adminQuery, databaseUrl } from "@/test/postgres";

/** A fresh database on the test Postgres server with every migration applied. */
export async function createScratchDatabase(name: string): Promise<void> {
  await adminQuery(`CREATE DATABASE "${name}"`);
  await runCommand("npx", ["prisma", "migrate", "deploy"], { ...process.env, DATABASE_URL: databaseUrl(name) });
}

export async function dropScratchDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
