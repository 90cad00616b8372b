import { afterEach, describe, expect, it } from "vitest";
import { inngestLimits } from "@/tools/inngest-local/limits";
import { startHarness, type Harness, type TestClient } from "@/tools/inngest-local/test-harness";
import type { InngestFunction } from "inngest";

// Inngest's documented limits (steps per run, step output, event size, sleep length): a function
// that would fail on Inngest Cloud must fail here the same way, so the suite catches it.
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(define: (client: TestClient) => InngestFunction.Like[]) {
  harness = await startHarness(define);
  return harness;
}

async function runOf(functionId: string) {
  const [run] = await harness!.executor.runs({ functionId });
  return run!;
}

describe("Inngest's limits", () => {
  it("fails a run that plans its 1,001st step, as Inngest does, and runs its onFailure", async () => {
    const failures: string[] = [];
    const { executor, client } = await start((client) => [
      client.createFunction(
        {
          id: "too-many",
          triggers: [{ event: "test/too-many" }],
          retries: 0,
          onFailure: ({ error }) => void failures.push(error.name),
        },
        // Parallel steps are planned in one answer, so the run reaches the limit in one call.
        async ({ step }) =>
          Promise.all(
            Array.from({ length: inngestLimits.stepsPerRun + 1 }, (_, index) => step.run(`step ${index}`, () => index)),
          ),
      ),
    ]);
    await client.send({ name: "test/too-many", data: {} });
    await executor.drain();
    expect(await runOf("too-many")).toMatchObject({ status: "failed", error: { name: "StepLimitExceeded" } });
    expect(failures).toEqual(["StepLimitExceeded"]);
  });

  it("fails a run whose step returns more than 4 MB", async () => {
    const { executor, client } = await start((client) => [
      client.createFunction({ id: "big-output", triggers: [{ event: "test/big" }] }, async ({ step }) =>
        step.run("huge", () => "x".repeat(inngestLimits.stepOutputBytes + 1)),
      ),
    ]);
    await client.send({ name: "test/big", data: {} });
    await executor.drain();
    expect(await runOf("big-output")).toMatchObject({ status: "failed", error: { name: "OutputTooLarge" } });
  });

  it("refuses an event over 256 KB at the event API, so inngest.send throws and nothing runs", async () => {
    const { executor, client } = await start((client) => [
      client.createFunction({ id: "takes-events", triggers: [{ event: "test/large" }] }, async () => "ran"),
    ]);
    await expect(
      client.send({ name: "test/large", data: { blob: "x".repeat(inngestLimits.eventBytes) } }),
    ).rejects.toThrow(/256|262144|bytes/);
    await client.send({ name: "test/large", data: { blob: "x".repeat(1000) } });
    await executor.drain();
    const runs = await executor.runs({ functionId: "takes-events" });
    expect(runs.map((run) => run.status)).toEqual(["completed"]);
  });

  it("fails a run that sleeps for more than a year", async () => {
    const { executor, client } = await start((client) => [
      client.createFunction({ id: "long-sleep", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
        await step.sleep("too long", "53w");
      }),
    ]);
    await client.send({ name: "test/sleep", data: {} });
    await executor.drain();
    expect(await runOf("long-sleep")).toMatchObject({ status: "failed", error: { name: "SleepTooLong" } });
  });
});
