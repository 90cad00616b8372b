import type { Reporter, TestModule } from "vitest/node";

/** The line this reporter prints once the real-clock groups are done; scripts/test.ts waits for it. */
export const realClockDoneLine = "vitest: real-clock files done";

/**
 * Says when the first file outside the "alone" group (vitest.config.ts: the files held to
 * wall-clock bounds, run first) starts: from then on other work may share the machine.
 */
export default class RealClockDoneReporter implements Reporter {
  private said = false;

  onTestModuleStart(testModule: TestModule) {
    if (this.said || testModule.project.name === "alone") return;
    this.said = true;
    console.log(realClockDoneLine);
  }
}
