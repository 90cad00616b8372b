import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { adminQuery, databaseUrl, listDatabases, ownerOf, uniqueName } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    /** Databases of this run are named `<prefix>_spare_…` until a test file claims one, then `<prefix>_pid<pid>_…`. */
    databasePrefix: string;
  }
}

/** Spare databases kept cloned ahead of the files that will claim them: one per integration worker, and one more. */
const spares = 4;

/**
 * Migrates one template database per run with the real Prisma CLI; each integration file gets a
 * fresh clone of it. The clones are made ahead, while files run, and a file's database is dropped
 * once its process has exited: cloning and dropping happen beside the tests, not before and after
 * each file (test/per-file-database.ts claims a spare, or clones one itself if none is ready).
 */
export default async function setup(project: TestProject) {
  const template = uniqueName("whk_template");
  const prefix = uniqueName("whk_test");
  await adminQuery(`CREATE DATABASE "${template}"`);
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl(template) },
    stdio: "pipe",
  });
  project.provide("templateDatabase", template);
  project.provide("databasePrefix", prefix);

  let stopped = false;
  let sequence = 0;
  const keep = async () => {
    while (!stopped) {
      const names = await listDatabases(prefix);
      for (const name of names) {
        const owner = ownerOf(name);
        if (owner !== null && !isRunning(owner)) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
      const ready = names.filter((name) => name.startsWith(`${prefix}_spare_`)).length;
      if (ready < spares && !stopped)
        await adminQuery(`CREATE DATABASE "${prefix}_spare_${sequence++}" TEMPLATE "${template}"`);
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const keeper = keep().catch((error: unknown) => console.warn("test databases: the keeper stopped:", error));

  return async () => {
    stopped = true;
    await keeper;
    for (const name of await listDatabases(prefix)) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await adminQuery(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
