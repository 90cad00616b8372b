import { afterAll, inject } from "vitest";
import { adminQuery, databaseUrl, listDatabases } from "./postgres";

// Runs before each integration file's imports resolve lib/env, so lib/db connects to this file's
// own database: a fresh clone of the migrated template. test/global-setup.ts keeps clones ready
// and drops this one once this process has exited.
const prefix = inject("databasePrefix");
const database = `${prefix}_pid${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

async function claimSpare(): Promise<boolean> {
  for (const spare of await listDatabases(`${prefix}_spare_`)) {
    try {
      // Atomic: of two files reaching for one spare, one renames it and the other finds it gone.
      await adminQuery(`ALTER DATABASE "${spare}" RENAME TO "${database}"`);
      return true;
    } catch {
      // Taken meanwhile; try the next.
    }
  }
  return false;
}

if (!(await claimSpare())) await adminQuery(`CREATE DATABASE "${database}" TEMPLATE "${inject("templateDatabase")}"`);
process.env.DATABASE_URL = databaseUrl(database);

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});
