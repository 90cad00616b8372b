import { chmod, stat } from "node:fs/promises";
import path from "node:path";

/**
 * As root, the embedded Postgres runs as the `postgres` system user, which must be able to walk
 * to its binaries (in node_modules) and its data directory. A checkout under a private directory
 * (a 0700 home or `mktemp -d` folder) stops it there: such directories get the search bit for
 * others (o+x: pass through, not list). Returns the directories it changed.
 */
export async function letOthersTraverse(targets: string[]): Promise<string[]> {
  const changed: string[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    for (let dir = path.dirname(path.resolve(target)); !seen.has(dir); dir = path.dirname(dir)) {
      seen.add(dir);
      // A directory not made yet is made by whoever needs it, with ordinary permissions.
      const mode = await stat(dir).then(
        (stats) => stats.mode,
        () => null,
      );
      if (mode !== null && (mode & 0o001) === 0) {
        await chmod(dir, (mode & 0o7777) | 0o001);
        changed.push(dir);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
  return changed;
}
