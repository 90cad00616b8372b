import { afterEach, describe, expect, it, vi } from "vitest";
import { startHarness, type Harness, type HarnessOptions, type TestClient } from "@/tools/inngest-local/test-harness";
import type { InngestFunction } from "inngest";
import pg from "pg";

// The real-clock scheduler: a slow call holds one slot, not the scheduler; per-key concurrency as
// Inngest enforces it; a failing database never ends the loop; the watchdog reports a stall.
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(define: (client: TestClient) => InngestFunction.Like[], options: HarnessOptions = {}) {
  harness = await startHarness(define, { clock: "real", ...options });
  return harness;
}

/** A gate a test opens by hand: steps wait on it instead of on a timer. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const statusOf = async (functionId: string) => (await harness!.executor.runs({ functionId })).map((run) => run.status);

describe("scheduler on the real clock", () => {
  it("finishes other runs while one call hangs: a slow step holds one slot, not the scheduler", async () => {
    const hang = gate();
    const { client } = await start((client) => [
      client.createFunction({ id: "hangs", triggers: [{ event: "test/hang" }] }, async ({ step }) =>
        step.run("wait for the gate", () => hang.opened.then(() => "released")),
      ),
      client.createFunction({ id: "quick", triggers: [{ event: "test/quick" }] }, async ({ step }) =>
        step.run("quick step", () => "done"),
      ),
    ]);
    await client.send({ name: "test/hang", data: {} });
    await vi.waitFor(async () => expect(await statusOf("hangs")).toEqual(["running"]), { interval: 20 });
    const sentAt = Date.now();
    await client.send(Array.from({ length: 5 }, (_, index) => ({ name: "test/quick", data: { index } })));
    await vi.waitFor(async () => expect(await statusOf("quick")).toEqual(Array(5).fill("completed")), {
      timeout: 5_000,
      interval: 20,
    });
    const waitedMs = Date.now() - sentAt;
    expect(await statusOf("hangs")).toEqual(["running"]);
    hang.open();
    await vi.waitFor(async () => expect(await statusOf("hangs")).toEqual(["completed"]), { interval: 20 });
    expect(waitedMs).toBeLessThan(2_000);
  });

  it("keeps to a concurrency key's limit: runs with one key take turns, runs with another go alongside", async () => {
    const inFlight = new Map<string, number>();
    const peaks = new Map<string, number>();
    const gates = [gate(), gate()];
    const { client } = await start((client) => [
      client.createFunction(
        { id: "keyed", triggers: [{ event: "test/keyed" }], concurrency: { limit: 1, key: "event.data.webhookId" } },
        async ({ event, step }) =>
          step.run("send", async () => {
            const key = event.data.webhookId as string;
            inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
            peaks.set(key, Math.max(peaks.get(key) ?? 0, inFlight.get(key)!));
            if (key === "wh_b") await gates[event.data.index as number]!.opened;
            inFlight.set(key, inFlight.get(key)! - 1);
            return key;
          }),
      ),
    ]);
    await client.send([0, 1].map((index) => ({ name: "test/keyed", data: { webhookId: "wh_b", index } })));
    await vi.waitFor(() => expect(inFlight.get("wh_b")).toBe(1), { interval: 20 });
    await client.send([0, 1, 2].map((index) => ({ name: "test/keyed", data: { webhookId: "wh_a", index } })));
    // wh_a's runs all finish while wh_b's first call still holds wh_b's only slot.
    await vi.waitFor(
      async () => expect((await harness!.executor.runs({ functionId: "keyed", status: "completed" })).length).toBe(3),
      { timeout: 5_000, interval: 20 },
    );
    expect(inFlight.get("wh_b")).toBe(1);
    gates[0]!.open();
    gates[1]!.open();
    await vi.waitFor(async () => expect(await statusOf("keyed")).toEqual(Array(5).fill("completed")), {
      timeout: 5_000,
      interval: 20,
    });
    expect(peaks.get("wh_b")).toBe(1);
  });

  it("logs a run that waits past the stall threshold, and reports it in health()", async () => {
    const hang = gate();
    const lines: string[] = [];
    const { client, executor } = await start(
      (client) => [
        client.createFunction({ id: "blocker", triggers: [{ event: "test/block" }] }, async ({ step }) =>
          step.run("hold the only slot", () => hang.opened.then(() => "ok")),
        ),
      ],
      { executor: { concurrency: 1, stallAfterMs: 300, log: (line) => lines.push(line) } },
    );
    await client.send({ name: "test/block", data: { n: 1 } });
    await vi.waitFor(async () => expect((await executor.health()).inFlight).toBe(1), { interval: 20 });
    await client.send({ name: "test/block", data: { n: 2 } });
    await vi.waitFor(
      () =>
        expect(
          lines.some((line) =>
            /^watchdog: run .* has been due for \d+ s without starting \(1\/1 calls in flight\)/.test(line),
          ),
        ).toBe(true),
      {
        timeout: 5_000,
        interval: 50,
      },
    );
    expect((await executor.health()).oldestWaitingMs).toBeGreaterThan(300);
    hang.open();
    await vi.waitFor(async () => expect(await statusOf("blocker")).toEqual(["completed", "completed"]), {
      timeout: 5_000,
      interval: 20,
    });
    await vi.waitFor(() => expect(lines).toContain("watchdog: due runs are being started again"), {
      timeout: 5_000,
      interval: 50,
    });
  });

  it("keeps going after its database fails: the loop logs, retries, and runs what arrived once the database is back", async () => {
    const lines: string[] = [];
    const { client, executor } = await start(
      (client) => [
        client.createFunction({ id: "after-outage", triggers: [{ event: "test/outage" }] }, async () => "ran"),
      ],
      {
        executor: { log: (line) => lines.push(line) },
      },
    );
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query("ALTER TABLE inngest_local.crons RENAME TO crons_gone");
      await vi.waitFor(() => expect(lines.some((line) => line.startsWith("scheduler error (retrying in"))).toBe(true), {
        timeout: 10_000,
        interval: 50,
      });
      await admin.query("ALTER TABLE inngest_local.crons_gone RENAME TO crons");
    } finally {
      await admin.end();
    }
    await client.send({ name: "test/outage", data: {} });
    await vi.waitFor(async () => expect(await statusOf("after-outage")).toEqual(["completed"]), {
      timeout: 10_000,
      interval: 50,
    });
    expect((await executor.health()).loopErrors).toBeGreaterThan(0);
  });
});
