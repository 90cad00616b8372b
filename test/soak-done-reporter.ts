import type { Reporter, TestModule } from "vitest/node";

/** The line this reporter prints once the soak test is done; scripts/test.ts waits for it. */
export const soakDoneLine = "vitest: the soak file is done";

/**
 * The soak test bounds how long a healthy delivery waits, and the e2e build beside it, even at a
 * lower priority, pushed those waits past the bound on a slow day. Lint and types beside it, and the
 * build beside the other real-clock files (their bounds are on spacing and concurrency, which
 * a niced neighbour does not stretch), never did. So this says when the soak file has ended, or
 * when a file outside the "alone" group starts if that comes first (a run without the soak file).
 */
export default class SoakDoneReporter implements Reporter {
  private said = false;

  onTestModuleStart(testModule: TestModule) {
    if (testModule.project.name !== "alone") this.say();
  }

  onTestModuleEnd(testModule: TestModule) {
    if (testModule.moduleId.endsWith("/lib/engine/soak.test.ts")) this.say();
  }

  private say() {
    if (this.said) return;
    this.said = true;
    console.log(soakDoneLine);
  }
}
