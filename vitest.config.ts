import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // `server-only` resolves to its empty module, as on Next's server (scripts/server-only.mjs).
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**", "generated/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/per-file-database.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
    // bundled by Vite, the app's real Auth.js handlers run in tests.
    server: { deps: { inline: ["next-auth"] } },
  },
});
