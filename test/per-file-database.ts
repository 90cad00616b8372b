import { afterAll, inject } from "vitest";
import { databaseUrl } from "./postgres";
import { takeFreshDatabase } from "./fresh-database";

// Runs before each isolated integration file's imports resolve lib/env, so lib/db connects to this
// file's own database. test/global-setup.ts drops it once this process has exited.
const database = `${inject("databasePrefix")}_pid${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
await takeFreshDatabase(database);
process.env.DATABASE_URL = databaseUrl(database);

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});
