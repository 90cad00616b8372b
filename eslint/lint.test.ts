import path from "node:path";
import { ESLint } from "eslint";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";

// The repository's own lint config, run through ESLint's Node API on code that exists only in the
// test: each rule the config promises is shown failing on a violation and passing on the fix.
const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `file` (relative to the repository root). */
async function lint(file: string, code: string): Promise<Array<{ rule: string | null; message: string }>> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map(({ ruleId, message }) => ({ rule: ruleId, message }));
}

async function fixed(file: string, code: string): Promise<string | undefined> {
  const [result] = await new ESLint({ cwd: root, fix: true }).lintText(code, { filePath: path.join(root, file) });
  return result!.output;
}

describe("layer boundaries (import/no-restricted-paths)", () => {
  it("keeps local stand-ins out of lib/", async () => {
    const messages = await lint(
      "lib/mail/example.ts",
      'import { startSmtpSink } from "@/tools/smtp-sink";\n\nexport const start = startSmtpSink;\n',
    );
    expect(messages).toEqual([
      { rule: "import/no-restricted-paths", message: expect.stringContaining("Local-only tooling") },
    ]);
  });

  it("keeps components/ out of lib/", async () => {
    const messages = await lint(
      "lib/webhooks/example.ts",
      'import { buttonClassName } from "@/components/ui/button";\n\nexport const className = buttonClassName;\n',
    );
    expect(messages).toEqual([
      { rule: "import/no-restricted-paths", message: expect.stringContaining("lib/ is the lowest layer") },
    ]);
  });

  it("keeps the production server from loading the app from source", async () => {
    const messages = await lint(
      "server/example.ts",
      'import { publishEvent } from "@/lib/events/publish";\n\nexport const publish = publishEvent;\n',
    );
    expect(messages).toEqual([
      { rule: "import/no-restricted-paths", message: expect.stringContaining("never a second copy from source") },
    ]);
  });

  it("lets lib/ import lib/", async () => {
    expect(
      await lint(
        "lib/webhooks/example.ts",
        'import { AppError } from "@/lib/http/errors";\n\nexport const Failure = AppError;\n',
      ),
    ).toEqual([]);
  });
});

describe("server-only marker (local/require-server-only)", () => {
  const usesDb = 'import { db } from "@/lib/db";\n\nexport function countUsers() {\n  return db.user.count();\n}\n';

  it("fails a lib/ module that imports the database without it, and --fix adds it", async () => {
    expect(await lint("lib/example/users.ts", usesDb)).toEqual([
      { rule: "local/require-server-only", message: expect.stringContaining("imports @/lib/db") },
    ]);
    expect(await fixed("lib/example/users.ts", usesDb)).toBe(`import "server-only";\n${usesDb}`);
  });

  it("passes it with the marker", async () => {
    expect(await lint("lib/example/users.ts", `import "server-only";\n${usesDb}`)).toEqual([]);
  });

  it("counts the other server modules, relative spellings and process.env, but not types or public variables", async () => {
    const secrets = 'import { encryptSecret } from "../crypto/secrets";\n\nexport const seal = encryptSecret;\n';
    expect(await lint("lib/example/seal.ts", secrets)).toEqual([
      { rule: "local/require-server-only", message: expect.stringContaining("imports ../crypto/secrets") },
    ]);
    const env = "export const port = process.env.PORT;\n";
    expect(await lint("lib/example/port.ts", env)).toEqual([
      { rule: "local/require-server-only", message: expect.stringContaining("reads process.env") },
    ]);
    const publicOnly =
      'import type { Webhook } from "@/generated/prisma/client";\n\nexport type Row = Webhook;\nexport const production = process.env.NODE_ENV === "production";\n';
    expect(await lint("lib/example/types.ts", publicOnly)).toEqual([]);
  });

  it("requires it in every route handler", async () => {
    const route = 'export function GET(): Response {\n  return Response.json({ status: "ok" });\n}\n';
    expect(await lint("app/api/example/route.ts", route)).toEqual([
      { rule: "local/require-server-only", message: expect.stringContaining("is a route handler") },
    ]);
    expect(await lint("app/api/example/route.ts", `import "server-only";\n\n${route}`)).toEqual([]);
  });

  it("refuses server modules in a client component outright", async () => {
    const client = '"use client";\n\nimport { env } from "@/lib/env";\n\nexport const url = env.APP_URL;\n';
    expect(await lint("components/example/url.ts", client)).toEqual([
      {
        rule: "local/require-server-only",
        message: expect.stringContaining("client component may not import @/lib/env"),
      },
    ]);
  });
});

describe("the formatting check", () => {
  /** Whether `prettier --check` (the lint phase's second half) passes the text at that path, with the repository's config. */
  async function formatted(filePath: string, text: string): Promise<boolean> {
    const options = await prettier.resolveConfig(path.join(root, filePath));
    return prettier.check(text, { ...options, filepath: path.join(root, filePath) });
  }

  it("fails an unformatted file and passes it once formatted, Tailwind classes sorted", async () => {
    const messy = 'export  const box=( <div className="p-4 flex">{ "hi" }</div> )\n';
    expect(await formatted("components/example/box.tsx", messy)).toBe(false);
    const fixed = await prettier.format(messy, {
      ...(await prettier.resolveConfig(path.join(root, "components/example/box.tsx"))),
      filepath: path.join(root, "components/example/box.tsx"),
    });
    expect(fixed).toContain('className="flex p-4"');
    expect(await formatted("components/example/box.tsx", fixed)).toBe(true);
  });
});
