import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest, slowest first, by name wherever they live. The workers start on
 * these, so a long file does not begin last and hold the run open alone. Vitest's own record of
 * durations (node_modules/.vite) orders the rest, and these too once it exists; a fresh clone has
 * none, hence this list. Order only: a file missing from it still runs.
 */
const slowFirst = [
  "soak.test.ts",
  "crash-safety.test.ts",
  "migrations.test.ts",
  "recover-at-scale.test.ts",
  "publish-under-load.test.ts",
  "postgres.test.ts",
  "sweep-and-purge.test.ts",
  "batching.test.ts",
  "codescoring.test.ts",
  "rate-limit.test.ts",
  "sessions.test.ts",
  "account-takeover.test.ts",
  "sign-up.test.ts",
  "standard-delivery.test.ts",
  "retry-schedule.test.ts",
  "pause.test.ts",
];

// Always first, whatever the recorded durations say: the e2e build waits for it alone
// (test/soak-done-reporter.ts), and is built beside the other real-clock files.
const isSoak = (file: TestSpecification) => path.basename(file.moduleId) === "soak.test.ts";
const soakFirst = (files: TestSpecification[]) => [...files.filter(isSoak), ...files.filter((file) => !isSoak(file))];

const rank = (file: TestSpecification) => {
  const index = slowFirst.indexOf(path.basename(file.moduleId));
  return index === -1 ? slowFirst.length : index;
};

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const hasDurations = files.some((file) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${path.relative(this.ctx.config.root, file.moduleId)}`),
    );
    if (hasDurations) return soakFirst(sorted);
    // Projects in vitest's order; within one, the listed files first, the rest as vitest had them (sort is stable).
    const projects = [...new Set(sorted.map((file) => file.project.name))];
    return soakFirst(
      projects.flatMap((name) => sorted.filter((file) => file.project.name === name).sort((a, b) => rank(a) - rank(b))),
    );
  }
}
