import { afterAll, inject } from "vitest";
import { adminQuery, databaseUrl, uniqueName } from "./postgres";

// Runs before each test file's imports resolve lib/env, so lib/db connects to this file's own database.
const database = uniqueName("whk_test");
await adminQuery(`CREATE DATABASE "${database}" TEMPLATE "${inject("templateDatabase")}"`);
process.env.DATABASE_URL = databaseUrl(database);
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.APP_URL ??= "http://localhost:3000";
// Receivers in tests listen on loopback, which delivery refuses unless allow-listed.
process.env.DELIVERY_ALLOWED_CIDRS ??= "127.0.0.0/8,::1/128";
process.env.SECRETS_KEYS ??= `test:${Buffer.alloc(32, 7).toString("base64")}`;

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});
