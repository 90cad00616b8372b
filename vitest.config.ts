import { availableParallelism } from "node:os";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { findTestFiles, touchesDatabase } from "./test/classify";
import SlowFirstSequencer from "./test/sequencer";

const root = import.meta.dirname;
const skippedFolders = ["node_modules", "e2e", "generated"];
const exclude = [...skippedFolders.map((folder) => `${folder}/**`), ".next/**", ".data/**"];
const testFiles = findTestFiles(root, skippedFolders);
// Files whose imports reach Postgres (test/classify.ts); the others need no database.
const integrationFiles = testFiles.filter((file) => touchesDatabase(root, file));
const unitFiles = testFiles.filter((file) => !integrationFiles.includes(file));
// Paths as globs: route folders such as [id] would otherwise read as character classes.
const asGlob = (file: string) => file.replace(/[[\]{}()*?!+@]/g, "\\$&");

const shared = {
  // `server-only` resolves to its empty module, as on Next's server (scripts/server-only.mjs).
  resolve: { alias: { "@": root, "server-only": `${root}/node_modules/server-only/empty.js` } },
  // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
  // bundled by Vite, the app's real Auth.js handlers run in tests.
  test: { exclude, testTimeout: 60_000, hookTimeout: 120_000, server: { deps: { inline: ["next-auth"] } } },
} satisfies TestProjectInlineConfiguration;

export default defineConfig({
  test: {
    pool: "forks",
    // One worker per core (VITEST_MAX_WORKERS to change it). The real-clock tests (soak, pacing,
    // crash safety) hold their bounds beside one other file, not beside a build: `npm test` runs
    // the e2e build after vitest. Ports and databases are per worker (test/engine-env.ts, VITEST_POOL_ID).
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? availableParallelism()),
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        ...shared,
        test: {
          ...shared.test,
          name: "integration",
          include: integrationFiles.map(asGlob),
          // A fresh process and a fresh database (cloned from the template migrated once per run)
          // for each file: files set lib/env's settings before it loads, and start engines whose
          // state lives in their database.
          isolate: true,
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/test-env.ts", "test/per-file-database.ts"],
        },
      },
      {
        ...shared,
        test: {
          ...shared.test,
          name: "unit",
          include: unitFiles.map(asGlob),
          // No database, no settings read at import: these files share their workers' modules.
          isolate: false,
          setupFiles: ["test/test-env.ts"],
        },
      },
    ],
  },
});
