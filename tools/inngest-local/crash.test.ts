import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { serve } from "inngest/next";
import { afterEach, expect, it } from "vitest";
import { runLeaseMs, startLocalInngest, type LocalInngest } from "@/tools/inngest-local/executor";
import { startHarness, testClient, type Harness } from "@/tools/inngest-local/test-harness";
import { serveRoute, type RouteModule, type ServedRoute } from "@/test/serve-route";

const hour = 3_600_000;
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A promise with its resolver, to hold a step open and to learn when it started. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

type ExecutorKeys = Pick<LocalInngest, "signingKey" | "eventKey">;

/**
 * A second executor on the same database, as a restarted process would be: its clock starts where
 * the first one's leases have run out; it keeps the first one's keys, as the app knows only those.
 */
async function restartAfter(from: Date, serveUrl: string, keys: ExecutorKeys): Promise<LocalInngest> {
  const executor = await startLocalInngest({
    serveUrl,
    databaseUrl: process.env.DATABASE_URL!,
    port: 0,
    clock: "virtual",
    virtualStart: new Date(from.getTime() + runLeaseMs + 1000),
    signingKey: keys.signingKey,
    eventKey: keys.eventKey,
  });
  cleanups.push(() => executor.stop());
  return executor;
}

async function harnessOf(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const harness = await startHarness(...args);
  cleanups.push(() => harness.close());
  return harness;
}

it("resumes a sleeping run in a new executor after the first one vanished, without re-running finished steps", async () => {
  const calls = { before: 0, after: 0 };
  const first = await harnessOf((client) => [
    client.createFunction(
      { id: "sleep-through-crash", triggers: [{ event: "test/crash-sleep" }] },
      async ({ step }) => {
        await step.run("before", () => ++calls.before);
        await step.sleep("long nap", "48h");
        await step.run("after", () => ++calls.after);
        return "done";
      },
    ),
  ]);
  await first.client.send({ name: "test/crash-sleep", data: {} });
  await first.executor.drain();
  expect(calls).toEqual({ before: 1, after: 0 });

  // The first executor is dropped as it is (no stop); a new one starts later on the same database.
  const second = await restartAfter(
    new Date(first.executor.now().getTime() + 48 * hour),
    first.route.url,
    first.executor,
  );
  await second.drain();
  expect(calls).toEqual({ before: 1, after: 1 });
  const [run] = await second.runs({ functionId: "sleep-through-crash" });
  expect(run).toMatchObject({ status: "completed", output: "done" });
});

it("takes over a run whose executor hung mid-step once the lease ran out, and drops the hung call's late result", async () => {
  const calls = { one: 0, two: 0, three: 0 };
  const entered = signal();
  const release = signal();
  const first = await harnessOf((client) => [
    client.createFunction({ id: "hang-mid-step", triggers: [{ event: "test/crash-step" }] }, async ({ step }) => {
      await step.run("one", () => ++calls.one);
      const two = await step.run("two", async () => {
        calls.two++;
        if (calls.two === 1) {
          entered.resolve();
          await release.promise;
          return "from the hung executor";
        }
        return "from the new executor";
      });
      await step.sleep("settle", "1h");
      await step.run("three", () => ++calls.three);
      return two;
    }),
  ]);
  await first.client.send({ name: "test/crash-step", data: {} });
  const hungDrain = first.executor.drain();
  await entered.promise;

  const second = await restartAfter(first.executor.now(), first.route.url, first.executor);
  await second.drain();
  expect((await second.runs({ functionId: "hang-mid-step" }))[0]?.status).toBe("sleeping");
  // The hung call returns while the run is the new executor's: its result must not be recorded.
  release.resolve();
  await hungDrain;
  await second.advance(hour);

  expect(calls).toEqual({ one: 1, two: 2, three: 1 });
  const runs = await second.runs({ functionId: "hang-mid-step" });
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ status: "completed", output: "from the new executor" });
});

/** Starts fixtures/executor-process.ts and waits for the URL and keys it prints. */
async function spawnExecutor(
  serveUrl: string,
): Promise<{ child: ChildProcess; executor: { url: string } & ExecutorKeys }> {
  const script = path.join(import.meta.dirname, "fixtures", "executor-process.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, serveUrl, process.env.DATABASE_URL!], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  return { child, executor: JSON.parse(line) as { url: string } & ExecutorKeys };
}

it("finishes, exactly once per finished step, a run whose executor process was SIGKILLed mid-step", async () => {
  const calls = { one: 0, two: 0, three: 0 };
  const entered = signal();
  const release = signal();
  cleanups.push(release.resolve);
  let handlers: RouteModule = {};
  const route: ServedRoute = await serveRoute(async () => handlers);
  cleanups.push(() => route.close());
  const { child, executor } = await spawnExecutor(route.url);

  const client = testClient("crash-app", executor);
  const fn = client.createFunction(
    { id: "killed-mid-step", triggers: [{ event: "test/sigkill" }] },
    async ({ step }) => {
      await step.run("one", () => ++calls.one);
      await step.run("two", async () => {
        calls.two++;
        if (calls.two === 1) {
          entered.resolve();
          await release.promise;
        }
      });
      await step.run("three", () => ++calls.three);
      return "survived";
    },
  );
  handlers = serve({ client, functions: [fn] });
  // A plain PUT makes the SDK register with the executor it points at: the child process.
  expect((await fetch(route.url, { method: "PUT" })).status).toBe(200);
  await client.send({ name: "test/sigkill", data: {} });
  await entered.promise;
  const killedAt = new Date();
  child.kill("SIGKILL");
  await once(child, "exit");

  const second = await restartAfter(killedAt, route.url, executor);
  await second.drain();
  expect(calls).toEqual({ one: 1, two: 2, three: 1 });
  const runs = await second.runs({ functionId: "crash-app-killed-mid-step" });
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ status: "completed", output: "survived" });
});

it("lets two executors drain one database together without running any step twice", async () => {
  const stepsPerRun = new Map<number, number>();
  const first = await harnessOf((client) => [
    client.createFunction({ id: "shared", triggers: [{ event: "test/shared" }] }, async ({ event, step }) => {
      await step.run("count", () => stepsPerRun.set(event.data.n, (stepsPerRun.get(event.data.n) ?? 0) + 1));
      await step.run("again", () => "second step");
    }),
  ]);
  const second = await startLocalInngest({
    serveUrl: first.route.url,
    databaseUrl: process.env.DATABASE_URL!,
    port: 0,
    clock: "virtual",
    virtualStart: first.executor.now(),
    signingKey: first.executor.signingKey,
    eventKey: first.executor.eventKey,
  });
  cleanups.push(() => second.stop());
  await first.client.send(Array.from({ length: 20 }, (_, n) => ({ name: "test/shared", data: { n } })));

  await Promise.all([first.executor.drain(), second.drain(), first.executor.drain(), second.drain()]);
  expect([...stepsPerRun.values()]).toEqual(Array(20).fill(1));
  expect((await first.executor.runs({ functionId: "shared", status: "completed" })).length).toBe(20);
});
