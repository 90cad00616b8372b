/**
 * `npm test`: everything CI checks: Prisma client, lint, types, unit + integration tests (vitest,
 * real Postgres), browser tests (Playwright, Chromium). Every phase runs even when another fails,
 * so one run shows every problem; the exit code is non-zero if any failed, and the last line is
 * "N passed, N failed".
 *
 * The phases that can share the machine do:
 *
 *   prisma ─┬─ lint  (nice) ─────────────────────────────────────────────────┐
 *           ├─ types (nice) ─────────────────────────────────────────────────┤
 *           └─ unit (vitest): soak ─┬─ the other real-clock files ─ the rest ─┐│
 *                                   └─ e2e: its server (build niced) ─────────┴┴─ Playwright
 *
 * Lint and types run at a lower CPU priority beside vitest, in the cycles its real-clock files
 * (soak, pacing, crash safety, the scheduler: vitest.config.ts runs them first, alone, the soak
 * file first) leave idle. The e2e server (migrations, seed and `next build` at a lower priority,
 * then `npm start`'s server at the normal one, level with the browsers) waits until the soak file
 * is done: even niced, the build beside it pushed the soak test's healthy deliveries from under
 * 0.8 s to 1.7–2.9 s on 2 cores on a slow day. Beside the other real-clock files (spacing and
 * concurrency bounds) it is built in cycles they leave idle, before the integration files need the
 * cores. Chromium waits for all of vitest: run side by side, the two finished no sooner (both are
 * CPU-bound) and both sets of timing bounds had less room. Each phase's output is kept in
 * test-reports/<phase>.log and printed as a block when the phase ends.
 *
 * `npm test -- lint types` runs only the phases named.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, type WriteStream } from "node:fs";
import { soakDoneLine } from "../test/soak-done-reporter";

const reports = "test-reports";
// Not test-results/: Playwright empties that folder when it starts.
const vitestReport = `${reports}/vitest.json`;
const playwrightReport = `${reports}/playwright.json`;

// Checkouts tested side by side on one machine keep their ports and e2e database apart.
const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
if (offset) {
  process.env.E2E_PORT ??= String(3200 + offset);
  process.env.E2E_DATABASE ??= `whk_e2e_${offset}`;
}
const e2eUrl = `http://localhost:${process.env.E2E_PORT ?? 3200}/sign-in`;

function readJson<T>(path: string): T | null {
  try {
    return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as T) : null;
  } catch {
    return null;
  }
}

interface Counts {
  passed: number;
  failed: number;
}

interface Result {
  name: string;
  command: string;
  code: number;
  seconds: number;
  counts?: Counts;
}

const started = Date.now();
const clock = () => `${Math.round((Date.now() - started) / 1000)}s`.padStart(5);

class Log {
  readonly file: string;
  private readonly stream: WriteStream;
  constructor(readonly name: string) {
    this.file = `${reports}/${name}.log`;
    this.stream = createWriteStream(this.file);
  }
  write(chunk: string | Buffer) {
    this.stream.write(chunk);
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(resolve));
  }
}

const children = new Set<ChildProcess>();
// Children run in process groups of their own (so the e2e server's can be stopped whole): pass an interrupt on.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of children) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // Already gone.
      }
    }
    process.exit(130);
  });
}

/** Runs a command with its output going to the log; resolves to its exit code. */
function run(
  command: string[],
  log: Log,
  env: Record<string, string> = {},
  onOutput?: (text: string) => void,
): { child: ChildProcess; exit: Promise<number> } {
  log.write(`$ ${command.join(" ")}\n`);
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, FORCE_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on("data", (chunk: Buffer) => {
      log.write(chunk);
      onOutput?.(chunk.toString());
    });
  }
  children.add(child);
  const exit = new Promise<number>((resolve) => {
    child.on("exit", (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on("error", (error) => {
      log.write(`${error.message}\n`);
      resolve(1);
    });
  });
  return { child, exit };
}

const only = process.argv.slice(2);
// The Prisma client is generated whatever is asked for: every other phase reads it.
const wanted = (name: string) => name === "prisma" || only.length === 0 || only.includes(name);
const total = ["prisma", "lint", "types", "unit", "e2e"].filter(wanted).length;
let finished = 0;
const results: Result[] = [];

async function phase(
  name: string,
  command: string[],
  body: (log: Log) => Promise<{ code: number; counts?: Counts }>,
): Promise<void> {
  if (!wanted(name)) return;
  const log = new Log(name);
  const phaseStarted = Date.now();
  console.log(`${clock()}  ▶ ${name}: ${command.join(" ")}`);
  const { code, counts } = await body(log).catch((error: unknown): { code: number; counts?: Counts } => {
    log.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    return { code: 1 };
  });
  await log.close();
  const seconds = Math.round((Date.now() - phaseStarted) / 1000);
  results.push({ name, command: command.join(" "), code, seconds, counts });
  finished += 1;
  console.log(
    `\n━━ [${finished}/${total}] ${name}: ${command.join(" ")} (${seconds}s, ${code === 0 ? "ok" : `exit code ${code}`})`,
  );
  process.stdout.write(readFileSync(log.file));
  console.log(`━━ ${name} ${code === 0 ? "✔" : "✘"} at ${clock().trim()}\n`);
}

const simple = (command: string[], env?: Record<string, string>) => (log: Log) =>
  run(command, log, env).exit.then((code) => ({ code }));
/**
 * Lint, types and the e2e server's build are batch work: at a lower CPU priority they take the
 * cycles vitest leaves idle and never delay the integration tests' timers, transactions and timeouts.
 */
const batch = (command: string[]) => ["nice", "-n", "10", ...command];

/** Resolves once `url` answers as Playwright's webServer check wants it (2xx, 3xx, 400–403), or rejects when `gaveUp` settles. */
async function waitForUrl(url: string, gaveUp: Promise<unknown>): Promise<boolean> {
  let done = false;
  void gaveUp.then(() => (done = true));
  while (!done) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 404) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

function stopGroup(child: ChildProcess, exit: Promise<number>): Promise<void> {
  // SIGTERM lets scripts/start.ts stop the Next.js server it started, as Playwright's gracefulShutdown does.
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    return Promise.resolve();
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, 15_000);
  return exit.then(() => clearTimeout(timer));
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

// 1. The Prisma client everything else imports.
await phase("prisma", ["npx", "prisma", "generate"], simple(["npx", "prisma", "generate"]));

// 2. The e2e server: migrations, seed and `next build` at a lower priority, then `npm start`'s server.
let releaseSoak!: () => void;
const soakFileDone = new Promise<void>((resolve) => (releaseSoak = resolve));
let releaseUnit!: () => void;
const unitDone = new Promise<void>((resolve) => (releaseUnit = resolve));

const e2ePlaywright = ["npx", "playwright", "test", "--reporter=list,json"];
const e2e = phase("e2e", e2ePlaywright, async (log) => {
  await soakFileDone;
  const env: Record<string, string> = {
    // Not generated again while the test files load it.
    PRISMA_CLIENT_GENERATED: "1",
    // Migrations and the build at a lower priority; the server and its executor at the normal one.
    PREPARE_NICENESS: "10",
    // The types phase checks what `next build` would; run without it, the build checks them itself.
    ...(wanted("types") ? { NEXT_BUILD_TYPES_CHECKED: "1" } : {}),
  };
  const server = run(["npx", "tsx", "e2e/server.ts"], log, env, (text) => {
    if (text.includes("building the production bundle"))
      console.log(`${clock()}  · e2e server: migrations and seed done, next build started`);
  });
  const up = await waitForUrl(e2eUrl, server.exit);
  if (up) console.log(`${clock()}  · e2e server: up at ${e2eUrl}`);
  if (!up) {
    log.write("\nThe e2e server exited before it answered; no browser test ran.\n");
    return { code: 1 };
  }
  // Two browsers beside vitest's workers would starve both on 2 cores: the browsers wait for vitest.
  await unitDone;
  log.write(`\n$ ${e2ePlaywright.join(" ")}   (against the server above, up at ${clock().trim()})\n`);
  const code = await run(e2ePlaywright, log, { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport, E2E_SERVER_RUNNING: "1" })
    .exit;
  await stopGroup(server.child, server.exit);
  const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(playwrightReport);
  return {
    code,
    counts: { passed: json?.stats.expected ?? 0, failed: (json?.stats.unexpected ?? 0) + (json?.stats.flaky ?? 0) },
  };
});
if (!wanted("unit")) {
  releaseSoak();
  releaseUnit();
}

// The cache (in node_modules/, so a fresh clone starts without one) spares a local loop unchanged files.
// `npm run lint`: ESLint (layers, server-only markers, Next's rules), then the Prettier check.
const lintCommand = ["npm", "run", "--silent", "lint"];
const lint = phase("lint", lintCommand, simple(batch(lintCommand)));

// The whole tree with its route types (`next typegen`, into a folder of its own: the e2e build
// beside it is writing .next/), so that build need not check the same again.
const typegenCommand = ["npx", "next", "typegen"];
// `npm run typecheck`: TypeScript 7's native compiler (about a third of TypeScript 5's CPU here);
// TypeScript 5 stays the `typescript` package for what needs its JavaScript API (Next.js,
// typescript-eslint). Both declare a `tsc` command, so package.json names the native one by its path.
const typesCommand = ["npm", "run", "--silent", "typecheck", "--", "-p", "test/tsconfig.typecheck.json"];
const types = phase("types", [...typegenCommand, "&&", ...typesCommand], async (log) => {
  const generated = await run(batch(typegenCommand), log, { NEXT_DIST_DIR: ".next-typecheck" }).exit;
  return { code: generated || (await run(batch(typesCommand), log).exit) };
});
const vitestCommand = [
  "npx",
  "vitest",
  "run",
  "--reporter=dot",
  "--reporter=json",
  "--reporter=./test/soak-done-reporter.ts",
  `--outputFile.json=${vitestReport}`,
];
const unit = phase("unit", vitestCommand, async (log) => {
  // The output arrives in chunks, and one may end inside the line.
  let recent = "";
  let soakDone = false;
  const code = await run(vitestCommand, log, {}, (text) => {
    const seen = recent + text;
    recent = seen.slice(-soakDoneLine.length);
    if (soakDone || !seen.includes(soakDoneLine)) return;
    soakDone = true;
    console.log(`${clock()}  · unit: the soak file is done; the e2e server starts`);
    releaseSoak();
  }).exit;
  const json = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestReport);
  return { code, counts: { passed: json?.numPassedTests ?? 0, failed: json?.numFailedTests ?? 0 } };
}).finally(() => {
  releaseSoak();
  releaseUnit();
});

await Promise.all([e2e, lint, types, unit]);

console.log(`━━ summary (${clock().trim()} in all)`);
let passed = 0;
let failed = 0;
const order = ["prisma", "lint", "types", "unit", "e2e"];
for (const { name, code, seconds, counts } of results.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))) {
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  // A phase that crashed without reporting any failed test still counts as one failure.
  if (code !== 0 && (!counts || counts.failed === 0)) failed += 1;
  const detail = counts ? `${counts.passed} passed, ${counts.failed} failed` : code === 0 ? "ok" : `exit code ${code}`;
  console.log(`${name.padEnd(7)} ${code === 0 ? "✔" : "✘"} ${detail} (${seconds}s)`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((result) => result.code === 0) ? 0 : 1);
