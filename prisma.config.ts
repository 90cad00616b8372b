import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma's native schema engine is downloaded by `@prisma/engines` at install time. Where that
// download is blocked, every CLI command spawns a stand-in that runs the official wasm build
// instead (docs/prisma-offline.md); wherever the native engine arrived, it is used.
const enginesDirectory = fileURLToPath(new URL("./node_modules/@prisma/engines/", import.meta.url));
const nativeEngineInstalled =
  existsSync(enginesDirectory) && readdirSync(enginesDirectory).some((name) => name.startsWith("schema-engine-"));
if (!nativeEngineInstalled) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
    new URL("./tools/prisma-engine/schema-engine.mjs", import.meta.url),
  );
}

// The Prisma CLI reads DATABASE_URL from the environment; `npm run dev` sets it for the embedded
// Postgres. A placeholder keeps `prisma generate` working with no database at all.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx --import ./scripts/server-only.mjs prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/webhook_hub",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
