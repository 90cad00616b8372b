import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma's native schema engine cannot be downloaded here; every CLI command spawns this
// stand-in that runs the official wasm build instead (see docs/prisma-offline.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./scripts/prisma-engine/schema-engine.mjs", import.meta.url),
);

// The Prisma CLI reads DATABASE_URL from the environment; `npm run start:dev` sets it for the
// embedded Postgres. A placeholder keeps `prisma generate` working with no database at all.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/webhook_hub",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
