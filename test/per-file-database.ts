import { afterAll, inject } from "vitest";
import { adminQuery, databaseUrl, uniqueName } from "./postgres";

// Runs before each test file's imports resolve lib/env, so lib/db connects to this file's own database.
const database = uniqueName("whk_test");
await adminQuery(`CREATE DATABASE "${database}" TEMPLATE "${inject("templateDatabase")}"`);
process.env.DATABASE_URL = databaseUrl(database);

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});
