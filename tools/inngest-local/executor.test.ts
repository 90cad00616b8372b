import { cron, NonRetriableError } from "inngest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startHarness, type Harness, type HarnessOptions, type TestClient } from "@/tools/inngest-local/test-harness";
import type { InngestFunction } from "inngest";

const hour = 3_600_000;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(define: (client: TestClient) => InngestFunction.Like[], options?: HarnessOptions) {
  harness = await startHarness(define, options);
  return harness;
}

async function onlyRun(functionId: string) {
  const runs = await harness!.executor.runs({ functionId });
  expect(runs).toHaveLength(1);
  return runs[0]!;
}

describe("runs", () => {
  it("runs each step of a triggered function once, replaying memoized results, and stores events until the next drain", async () => {
    const calls = { a: 0, b: 0, c: 0 };
    const { executor, client } = await start((client) => [
      client.createFunction({ id: "three-steps", triggers: [{ event: "test/steps" }] }, async ({ event, step }) => {
        const a = await step.run("a", () => ++calls.a);
        const b = await step.run("b", () => a + ++calls.b);
        const c = await step.run("c", () => b + ++calls.c);
        return { sum: a + b + c, n: event.data.n };
      }),
    ]);

    await client.send({ name: "test/steps", data: { n: 7 } });
    expect((await onlyRun("three-steps")).status).toBe("running");
    expect(calls).toEqual({ a: 0, b: 0, c: 0 });

    await executor.drain();
    expect(calls).toEqual({ a: 1, b: 1, c: 1 });
    const run = await onlyRun("three-steps");
    expect(run).toMatchObject({
      status: "completed",
      output: { sum: 6, n: 7 },
      functionId: `${harness!.appId}-three-steps`,
    });
    expect(run.event).toMatchObject({ name: "test/steps", data: { n: 7 } });
  });

  it("retries a failing step after its backoff on the executor's clock, then goes on", async () => {
    let tries = 0;
    const { executor, client } = await start((client) => [
      client.createFunction({ id: "flaky", triggers: [{ event: "test/flaky" }], retries: 2 }, async ({ step }) => {
        const value = await step.run("flaky step", () => {
          tries++;
          if (tries === 1) throw new Error("first try fails");
          return "second try works";
        });
        return value;
      }),
    ]);
    await client.send({ name: "test/flaky", data: {} });
    await executor.drain();
    expect(tries).toBe(1);
    expect(await onlyRun("flaky")).toMatchObject({
      status: "running",
      wakeAt: new Date(executor.now().getTime() + 10_000),
    });

    await executor.advance(9_999);
    expect(tries).toBe(1);
    await executor.advance(1);
    expect(tries).toBe(2);
    expect(await onlyRun("flaky")).toMatchObject({ status: "completed", output: "second try works" });
  });

  it("retries an error thrown outside any step, then fails the run when retries run out", async () => {
    let calls = 0;
    const { executor, client } = await start((client) => [
      client.createFunction({ id: "throws", triggers: [{ event: "test/throws" }], retries: 1 }, async () => {
        calls++;
        throw new Error("not a step");
      }),
    ]);
    await client.send({ name: "test/throws", data: {} });
    await executor.drain();
    expect((await onlyRun("throws")).status).toBe("running");
    await executor.advance(hour);
    expect(calls).toBe(2);
    expect(await onlyRun("throws")).toMatchObject({ status: "failed", error: { message: "not a step" } });
  });

  it("runs onFailure with the original event once a step exhausts its retries", async () => {
    let tries = 0;
    const failures: Array<{ original: unknown; message: string; functionId: string }> = [];
    const { executor, client, appId } = await start((client) => [
      client.createFunction(
        {
          id: "doomed",
          triggers: [{ event: "test/doomed" }],
          retries: 2,
          onFailure: async ({ event, error }) => {
            failures.push({ original: event.data.event, message: error.message, functionId: event.data.function_id });
          },
        },
        async ({ step }) => {
          await step.run("always fails", () => {
            tries++;
            throw new Error("nope");
          });
        },
      ),
    ]);
    await client.send({ name: "test/doomed", data: { deliveryId: "dlv_1" }, id: "doomed-1" });
    await executor.drain();
    await executor.advance(10_000);
    expect(tries).toBe(2);
    expect(failures).toEqual([]);

    await executor.advance(20_000);
    expect(tries).toBe(3);
    expect((await onlyRun("doomed")).status).toBe("failed");
    expect(failures).toEqual([
      {
        original: expect.objectContaining({ name: "test/doomed", data: { deliveryId: "dlv_1" }, id: "doomed-1" }),
        message: expect.stringContaining("nope"),
        functionId: `${appId}-doomed`,
      },
    ]);
    expect((await onlyRun("doomed-failure")).status).toBe("completed");
  });

  it("does not retry a NonRetriableError", async () => {
    let tries = 0;
    let failed = 0;
    const { executor, client } = await start((client) => [
      client.createFunction(
        { id: "refuses", triggers: [{ event: "test/refuses" }], retries: 5, onFailure: async () => void failed++ },
        async ({ step }) => {
          await step.run("refuse", () => {
            tries++;
            throw new NonRetriableError("never again");
          });
        },
      ),
    ]);
    await client.send({ name: "test/refuses", data: {} });
    await executor.drain();
    expect({ tries, failed }).toEqual({ tries: 1, failed: 1 });
    expect((await onlyRun("refuses")).status).toBe("failed");
  });
});

describe("sleeps", () => {
  it("finishes a 48-hour sleep only once the clock has moved 48 hours", async () => {
    const after: string[] = [];
    const { executor, client } = await start((client) => [
      client.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
        await step.run("before", () => "before");
        await step.sleep("wait two days", "48h");
        await step.run("after", () => after.push("after"));
        return "woke";
      }),
    ]);
    await client.send({ name: "test/sleep", data: {} });
    await executor.drain();
    expect(await onlyRun("sleeper")).toMatchObject({
      status: "sleeping",
      wakeAt: new Date(executor.now().getTime() + 48 * hour),
    });

    await executor.advance(48 * hour - 1);
    expect(after).toEqual([]);
    await executor.advance(1);
    expect(after).toEqual(["after"]);
    expect(await onlyRun("sleeper")).toMatchObject({ status: "completed", output: "woke" });
  });

  it("sleeps until a given time with sleepUntil", async () => {
    const { executor, client } = await start(
      (client) => [
        client.createFunction({ id: "until", triggers: [{ event: "test/until" }] }, async ({ step }) => {
          await step.sleepUntil("until noon", new Date("2026-01-01T12:00:00Z"));
          return "noon";
        }),
      ],
      { virtualStart: new Date("2026-01-01T09:00:00Z") },
    );
    await client.send({ name: "test/until", data: {} });
    await executor.advance(3 * hour - 1000);
    expect((await onlyRun("until")).status).toBe("sleeping");
    await executor.advance(1000);
    expect(await onlyRun("until")).toMatchObject({ status: "completed", output: "noon" });
  });
});

describe("events", () => {
  it("starts other functions with the events a step.sendEvent sends", async () => {
    const received: unknown[] = [];
    const { executor, client } = await start((client) => [
      client.createFunction({ id: "sender", triggers: [{ event: "test/start" }] }, async ({ event, step }) => {
        await step.sendEvent("fan out", [
          { name: "test/child", data: { n: event.data.n } },
          { name: "test/child", data: { n: event.data.n + 1 } },
        ]);
      }),
      client.createFunction({ id: "child", triggers: [{ event: "test/child" }] }, async ({ event, step }) => {
        await step.run("record", () => received.push(event.data.n));
      }),
    ]);
    await client.send({ name: "test/start", data: { n: 1 } });
    await executor.drain();
    expect(received.sort()).toEqual([1, 2]);
    expect((await executor.runs({ functionId: "child", status: "completed" })).length).toBe(2);
  });

  it("ignores a second event with the same id for 24 hours", async () => {
    const { executor, client } = await start((client) => [
      client.createFunction({ id: "once", triggers: [{ event: "test/once" }] }, async () => "done"),
    ]);
    await client.send({ name: "test/once", data: { copy: 1 }, id: "same" });
    await client.send({ name: "test/once", data: { copy: 2 }, id: "same" });
    await executor.send([{ name: "test/once", data: { copy: 3 }, id: "same" }]);
    await executor.send([{ name: "test/once", data: { copy: 4 }, id: "other" }]);
    await executor.drain();
    expect((await executor.runs({ functionId: "once" })).map((run) => run.event.data)).toEqual([
      { copy: 1 },
      { copy: 4 },
    ]);

    await executor.advance(24 * hour);
    await client.send({ name: "test/once", data: { copy: 5 }, id: "same" });
    await executor.drain();
    expect((await executor.runs({ functionId: "once" })).map((run) => run.event.data)).toEqual([
      { copy: 1 },
      { copy: 4 },
      { copy: 5 },
    ]);
  });

  it("cancels the sleeping run whose match field equals the cancel event's, and leaves the others", async () => {
    const finished: string[] = [];
    const { executor, client } = await start((client) => [
      client.createFunction(
        {
          id: "escalate",
          triggers: [{ event: "test/failing" }],
          cancelOn: [{ event: "test/recovered", match: "data.webhookId" }],
        },
        async ({ event, step }) => {
          await step.sleep("wait 36 hours", "36h");
          await step.run("escalate", () => finished.push(event.data.webhookId));
        },
      ),
    ]);
    await client.send([
      { name: "test/failing", data: { webhookId: "wh_a" } },
      { name: "test/failing", data: { webhookId: "wh_b" } },
    ]);
    await executor.drain();
    await client.send({ name: "test/recovered", data: { webhookId: "wh_a" } });
    await executor.advance(36 * hour);
    expect(finished).toEqual(["wh_b"]);
    const runs = await executor.runs({ functionId: "escalate" });
    expect(runs.map((run) => [run.event.data, run.status])).toEqual([
      [{ webhookId: "wh_a" }, "cancelled"],
      [{ webhookId: "wh_b" }, "completed"],
    ]);
  });

  it("cancels only within a cancelOn timeout, and only when its if holds", async () => {
    const { executor, client } = await start((client) => [
      client.createFunction(
        {
          id: "guarded",
          triggers: [{ event: "test/guarded" }],
          cancelOn: [{ event: "test/stop", if: "event.data.force == true", timeout: "1h" }],
        },
        async ({ step }) => {
          await step.sleep("nap", "2h");
        },
      ),
    ]);
    await client.send({ name: "test/guarded", data: {} });
    await executor.drain();
    await client.send({ name: "test/stop", data: { force: false } });
    await executor.advance(hour + 1000);
    await client.send({ name: "test/stop", data: { force: true } });
    await executor.advance(hour);
    expect((await onlyRun("guarded")).status).toBe("completed");
  });
});

describe("crons", () => {
  it("fires a cron at each matching minute of virtual time", async () => {
    const { executor } = await start(
      (client) => [
        client.createFunction({ id: "every-ten", triggers: [cron("*/10 * * * *")] }, async ({ event }) => ({
          at: new Date(event.ts!).toISOString(),
        })),
      ],
      { virtualStart: new Date("2026-03-01T00:03:00Z") },
    );
    await executor.advance(7 * 60_000 - 1);
    expect(await executor.runs({ functionId: "every-ten" })).toEqual([]);
    await executor.advance(30 * 60_000);
    const runs = await executor.runs({ functionId: "every-ten" });
    expect(runs.map((run) => run.output)).toEqual([
      { at: "2026-03-01T00:10:00.000Z" },
      { at: "2026-03-01T00:20:00.000Z" },
      { at: "2026-03-01T00:30:00.000Z" },
    ]);
    expect(runs.map((run) => run.event.name)).toEqual(Array(3).fill("inngest/scheduled.timer"));
  });
});

describe("registration", () => {
  it("accepts an app that registers itself through /fn/register when its serve endpoint gets a plain PUT", async () => {
    const { executor, client, route } = await start(
      (client) => [
        client.createFunction({ id: "self-registered", triggers: [{ event: "test/self" }] }, async () => "ran"),
      ],
      {
        sync: false,
      },
    );
    const put = await fetch(route.url, { method: "PUT" });
    expect(put.status).toBe(200);
    await client.send({ name: "test/self", data: {} });
    await executor.drain();
    expect(await onlyRun("self-registered")).toMatchObject({ status: "completed", output: "ran" });
  });

  it("answers 400 to events that are not events", async () => {
    const { executor } = await start((client) => [
      client.createFunction({ id: "catch-all", triggers: [{ event: "test/any" }] }, async () => "ran"),
    ]);
    const nameless = await fetch(`${executor.url}/e/${executor.eventKey}`, {
      method: "POST",
      body: JSON.stringify([{ name: "test/any", data: {} }, { data: {} }]),
    });
    expect(nameless.status).toBe(400);
    const notJson = await fetch(`${executor.url}/e/${executor.eventKey}`, { method: "POST", body: "{" });
    expect(notJson.status).toBe(400);
    expect(await executor.runs({ functionId: "catch-all" })).toEqual([]);
  });
});

describe("keys", () => {
  it("takes events only with its event key: any other key is answered 401 and stores nothing", async () => {
    const { executor } = await start((client) => [
      client.createFunction({ id: "keyed", triggers: [{ event: "test/keyed" }] }, async () => "ran"),
    ]);
    const post = (key: string) =>
      fetch(`${executor.url}/e/${key}`, { method: "POST", body: JSON.stringify({ name: "test/keyed", data: {} }) });
    for (const key of ["wrong-key", `${executor.eventKey}x`, "NO_EVENT_KEY_SET"]) {
      const refused = await post(key);
      expect(refused.status).toBe(401);
    }
    expect(await executor.runs({ functionId: "keyed" })).toEqual([]);
    expect((await post(executor.eventKey)).status).toBe(200);
    expect(await executor.runs({ functionId: "keyed" })).toHaveLength(1);
  });

  it("refuses /fn/register without the signing key's bearer token", async () => {
    const { executor, route } = await start(
      (client) => [
        client.createFunction({ id: "unregistered", triggers: [{ event: "test/unregistered" }] }, async () => "ran"),
      ],
      {
        sync: false,
      },
    );
    const evil = "http://evil.example/api/inngest";
    const intruderFn = {
      id: "intruder-fn",
      triggers: [{ event: "test/unregistered" }],
      steps: { step: { runtime: { url: `${evil}?fnId=intruder-fn&stepId=step` } } },
    };
    const registration = { url: evil, appName: "intruder", functions: [intruderFn] };
    for (const authorization of [undefined, "Bearer wrong", `Bearer ${executor.signingKey}`]) {
      const response = await fetch(`${executor.url}/fn/register`, {
        method: "POST",
        headers: authorization ? { authorization } : {},
        body: JSON.stringify(registration),
      });
      expect(response.status).toBe(401);
    }
    const registered = async () => ((await (await fetch(executor.url)).json()) as { functions: string[] }).functions;
    expect(await registered()).not.toContain("intruder-fn");
    // The SDK's own registration, with the hashed key as its bearer, is accepted.
    expect((await fetch(route.url, { method: "PUT" })).status).toBe(200);
    expect(await registered()).toContain(`${harness!.appId}-unregistered`);
    expect(await registered()).not.toContain("intruder-fn");
  });
});

describe("real clock", () => {
  it("runs by itself: on events it receives, after sleeps, and for the events its runs send", async () => {
    const { executor, client } = await start(
      (client) => [
        client.createFunction({ id: "live", triggers: [{ event: "test/live" }] }, async ({ step }) => {
          await step.sleep("a second", "1s");
          await step.sendEvent("pass on", { name: "test/live.next", data: {} });
        }),
        client.createFunction({ id: "live-next", triggers: [{ event: "test/live.next" }] }, async () => "relayed"),
      ],
      { clock: "real" },
    );
    await client.send({ name: "test/live", data: {} });
    const statuses = async () =>
      (await executor.runs())
        .filter((run) => run.functionId.startsWith(harness!.appId))
        .map((run) => [run.functionId.replace(`${harness!.appId}-`, ""), run.status]);
    await vi.waitFor(
      async () =>
        expect(await statuses()).toEqual([
          ["live", "completed"],
          ["live-next", "completed"],
        ]),
      { timeout: 10_000, interval: 50 },
    );
    await expect(executor.advance(1000)).rejects.toThrow(/virtual/);
  });
});
