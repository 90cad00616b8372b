import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "@/tools/inngest-local/test-harness";

// Flow control the executor does not implement must not be run without: on Inngest the function
// would be batched, throttled or deduplicated, so a suite passing here would prove nothing there.
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("registering functions", () => {
  it.each([
    ["batchEvents", { batchEvents: { maxSize: 100, timeout: "5s" as const } }],
    ["rateLimit", { rateLimit: { limit: 1, period: "1s" as const } }],
    ["throttle", { throttle: { limit: 1, period: "1s" as const } }],
    ["debounce", { debounce: { period: "5s" as const } }],
    ["idempotency", { idempotency: "event.data.id" }],
  ] as const)("refuses a function that sets %s, naming it, and runs nothing of it", async (setting, config) => {
    harness = await startHarness(
      (client) => [
        client.createFunction(
          { id: "flow-controlled", triggers: [{ event: "test/flow" }], ...config },
          async () => "ran",
        ),
      ],
      { sync: false },
    );
    await expect(harness.executor.sync()).rejects.toThrow(new RegExp(`flow-controlled: ${setting} not supported`));
    await harness.executor.send([{ name: "test/flow", data: {} }]);
    await harness.executor.drain();
    expect(await harness.executor.runs()).toEqual([]);
  });

  it("registers a function with none of them", async () => {
    harness = await startHarness((client) => [
      client.createFunction({ id: "plain", triggers: [{ event: "test/plain" }] }, async () => "ran"),
    ]);
    await harness.executor.send([{ name: "test/plain", data: {} }]);
    await harness.executor.drain();
    expect(await harness.executor.runs()).toEqual([expect.objectContaining({ status: "completed" })]);
  });
});
