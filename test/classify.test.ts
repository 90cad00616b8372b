import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { changesModulesAtLoad, touchesDatabase } from "./classify";

// The fixtures' sources are assembled, not written out: the classifier reads this file's text too, and
// would otherwise sort it as a file that reaches Postgres and sets settings.
const env = ["process", "env"].join(".");
const quoted = (text: string) => `"${text}"`;
const importFrom = (names: string, from: string) => `import ${names} from ${quoted(from)};`;

function repository(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "classify-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe("sorting test files", () => {
  it("finds Postgres through the repository's own imports, and nowhere else", () => {
    const root = repository({
      "lib/db.ts": importFrom("pg", "pg"),
      "lib/uses-db.ts": `export { x } from ${quoted("./db")};`,
      "lib/pure.ts": "export const x = 1;",
      "a.test.ts": importFrom("{ x }", "@/lib/uses-db"),
      "b.test.ts": `const m = await import(${quoted("./lib/pure")});`,
    });
    expect(touchesDatabase(root, "a.test.ts")).toBe(true);
    expect(touchesDatabase(root, "b.test.ts")).toBe(false);
  });

  it("keeps apart a file that sets a setting, deletes one or mocks a module, and shares the rest", () => {
    const root = repository({
      "sets.test.ts": `${env}.SMTP_URL = sink.url;`,
      "sets-indexed.test.ts": `${env}["SMTP_URL"] = "x";`,
      "deletes.test.ts": `delete ${env}.METRICS_TOKEN;`,
      "mocks.test.ts": `${["vi", "mock"].join(".")}("@/lib/x", () => ({}));`,
      "reads.test.ts": `if (${env}.CI === "1") skip(); const url = ${env}.DATABASE_URL;`,
    });
    for (const file of ["sets", "sets-indexed", "deletes", "mocks"])
      expect(changesModulesAtLoad(root, `${file}.test.ts`), file).toBe(true);
    expect(changesModulesAtLoad(root, "reads.test.ts")).toBe(false);
  });
});
