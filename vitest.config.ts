import { availableParallelism } from "node:os";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { changesModulesAtLoad, findTestFiles, touchesDatabase } from "./test/classify";
import SlowFirstSequencer from "./test/sequencer";

const root = import.meta.dirname;
const skippedFolders = ["node_modules", "e2e", "generated"];
const exclude = [...skippedFolders.map((folder) => `${folder}/**`), ".next/**", ".data/**"];
const testFiles = findTestFiles(root, skippedFolders);
// Files whose imports reach Postgres (test/classify.ts); the others need no database.
// Tests that hold delivery to a wall-clock bound: they run first, one at a time, with no other test
// file beside them, the soak file first. `npm test` builds the browser tests' server once it is done (scripts/test.ts).
const aloneFiles = [
  "lib/engine/soak.test.ts",
  "lib/engine/crash-safety.test.ts",
  "lib/engine/pacing.test.ts",
  "tools/inngest-local/scheduler.test.ts",
];
const databaseFiles = testFiles.filter((file) => touchesDatabase(root, file) && !aloneFiles.includes(file));
// Those that set lib/env's settings before it loads, or mock a module, need a process of their own.
const ownProcessFiles = databaseFiles.filter((file) => changesModulesAtLoad(root, file));
const sharedFiles = databaseFiles.filter((file) => !ownProcessFiles.includes(file));
const unitFiles = testFiles.filter((file) => !databaseFiles.includes(file) && !aloneFiles.includes(file));
// Paths as globs: route folders such as [id] would otherwise read as character classes.
const asGlob = (file: string) => file.replace(/[[\]{}()*?!+@]/g, "\\$&");

const shared = {
  // `server-only` resolves to its empty module, as on Next's server (scripts/server-only.mjs).
  resolve: { alias: { "@": root, "server-only": `${root}/node_modules/server-only/empty.js` } },
  // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
  // bundled by Vite, the app's real Auth.js handlers run in tests.
  test: {
    exclude,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits on state another process or transaction reaches: a second is too little on a busy machine.
    expect: { poll: { timeout: 10_000 } },
    server: { deps: { inline: ["next-auth"] } },
  },
} satisfies TestProjectInlineConfiguration;

// The rest, after it: one worker more than there are cores, since these files spend much of their
// time waiting on Postgres, receivers and timers (with one per core, 2 cores sat a fifth idle).
// TEST_WORKERS changes it; not vitest's own VITEST_MAX_WORKERS, which would also run the files
// above side by side. Ports and databases are per test process (test/engine-env.ts, test/worker-slot.ts).
const parallel = {
  maxWorkers: Number(process.env.TEST_WORKERS ?? availableParallelism() + 1),
  sequence: { groupOrder: 2 },
};

export default defineConfig({
  test: {
    // Once for the whole run, not per project: one template migrated, one keeper of spare databases.
    globalSetup: ["test/global-setup.ts"],
    pool: "forks",
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        ...shared,
        test: {
          ...shared.test,
          name: "alone",
          include: aloneFiles.map(asGlob),
          // The soak test bounds how long a healthy delivery waits, and pacing, crash safety and the scheduler
          // measure on the real clock; another file's engine or child processes beside them on 2
          // cores push them past those bounds. Lint and types beside them in `npm test` run at a
          // lower priority, and so does the e2e build, once the soak file is done.
          // groupOrder 1, not 0: vitest runs a one-worker isolated project of group 0 last, not first.
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          isolate: true,
          setupFiles: ["test/worker-slot.ts", "test/test-env.ts", "test/per-file-database.ts"],
        },
      },
      {
        ...shared,
        test: {
          ...shared.test,
          name: "integration",
          include: sharedFiles.map(asGlob),
          // One process per worker, whose loaded modules (Next's, Prisma's, the SDK's: most of a
          // file's cost) the files share; a fresh database (cloned from the template migrated once
          // per run) for each file all the same, since engines keep their state in it.
          isolate: false,
          setupFiles: ["test/worker-slot.ts", "test/test-env.ts", "test/per-worker-database.ts"],
          ...parallel,
        },
      },
      {
        ...shared,
        test: {
          ...shared.test,
          name: "integration-own-process",
          include: ownProcessFiles.map(asGlob),
          // A fresh process and a fresh database for each file.
          isolate: true,
          setupFiles: ["test/worker-slot.ts", "test/test-env.ts", "test/per-file-database.ts"],
          ...parallel,
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
          ...parallel,
        },
      },
    ],
  },
});
