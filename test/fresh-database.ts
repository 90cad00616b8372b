import { inject } from "vitest";
import { adminQuery, listDatabases } from "./postgres";

async function claimSpare(name: string): Promise<boolean> {
  for (const spare of await listDatabases(`${inject("databasePrefix")}_spare_`)) {
    try {
      // Atomic: of two files reaching for one spare, one renames it and the other finds it gone.
      await adminQuery(`ALTER DATABASE "${spare}" RENAME TO "${name}"`);
      return true;
    } catch {
      // Taken meanwhile; try the next.
    }
  }
  return false;
}

/**
 * Makes `name` a fresh clone of the migrated template: a spare test/global-setup.ts cloned ahead,
 * renamed, or a new clone if none is ready.
 */
export async function takeFreshDatabase(name: string): Promise<void> {
  if (!(await claimSpare(name))) await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`);
}
