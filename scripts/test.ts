/**
 * `npm test`: everything CI checks, in order: Prisma client, lint, types, unit + integration
 * tests (vitest, real Postgres), browser tests (Playwright, Chromium). Every phase runs even when
 * an earlier one fails, so one run shows every problem; the exit code is non-zero if any failed.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

interface Phase {
  name: string;
  command: string[];
  env?: Record<string, string>;
  report?: () => { passed: number; failed: number };
}

// Not test-results/: Playwright empties that folder when it starts.
const vitestReport = "test-reports/vitest.json";
const playwrightReport = "test-reports/playwright.json";

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as T) : null;
}

const phases: Phase[] = [
  { name: "prisma", command: ["npx", "prisma", "generate"] },
  { name: "lint", command: ["npx", "eslint", "."] },
  { name: "types", command: ["npx", "tsc", "--noEmit"] },
  {
    name: "unit",
    command: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
    report: () => {
      const json = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestReport);
      return { passed: json?.numPassedTests ?? 0, failed: json?.numFailedTests ?? 0 };
    },
  },
  {
    name: "e2e",
    command: ["npx", "playwright", "test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    report: () => {
      const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(playwrightReport);
      return { passed: json?.stats.expected ?? 0, failed: (json?.stats.unexpected ?? 0) + (json?.stats.flaky ?? 0) };
    },
  },
];

function run(phase: Phase): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(phase.command[0]!, phase.command.slice(1), { stdio: "inherit", env: { ...process.env, ...phase.env } });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

const only = process.argv.slice(2);
rmSync("test-reports", { recursive: true, force: true });
const results: Array<{ phase: Phase; code: number; seconds: number }> = [];
for (const [index, phase] of phases.entries()) {
  if (only.length > 0 && !only.includes(phase.name)) continue;
  console.log(`\n━━ [${index + 1}/${phases.length}] ${phase.name}: ${phase.command.join(" ")}`);
  const started = Date.now();
  const code = await run(phase);
  results.push({ phase, code, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log("\n━━ summary");
let passed = 0;
let failed = 0;
for (const { phase, code, seconds } of results) {
  const counts = phase.report?.();
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  // A phase that crashed without reporting any failed test still counts as one failure.
  if (code !== 0 && (!counts || counts.failed === 0)) failed += 1;
  const detail = counts ? `${counts.passed} passed, ${counts.failed} failed` : code === 0 ? "ok" : `exit code ${code}`;
  console.log(`${phase.name.padEnd(7)} ${code === 0 ? "✔" : "✘"} ${detail} (${seconds}s)`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((result) => result.code === 0) ? 0 : 1);
