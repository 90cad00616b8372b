/**
 * `npm run bench`: ingest throughput and latency against the production build, the delivery engine
 * end to end, each beside this machine's raw ceiling, and the history list and stats at 1M
 * attempts; the figures go to docs/benchmarks.md. `npm run bench -- ingest` (or
 * `delivery`, `history`, or several) runs only those sections and rewrites only theirs. Everything runs on a scratch database on the test Postgres server
 * (TEST_DATABASE_URL), dropped at the end; every process started here is stopped, on failure too.
 */
// First: it sets the environment lib/env reads once, when the app modules below load.
import { appEnv, scratchDatabase } from "@/scripts/bench/env";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { startSmtpSink } from "@/tools/smtp-sink";
import { benchmarkEngine, benchmarkIdleLatency } from "@/scripts/bench/engine";
import { engineSection, engineTable, type EngineRun } from "@/scripts/bench/engine-report";
import { benchmarkHistory } from "@/scripts/bench/history";
import { benchmarkIngest } from "@/scripts/bench/ingest";
import { assertPortFree } from "@/scripts/bench/free-port";
import { describeMachine } from "@/scripts/bench/machine";
import { parseBenchOptions } from "@/scripts/bench/options";
import { phase } from "@/scripts/bench/progress";
import { startCountingReceiver } from "@/scripts/bench/receiver";
import {
  batchTable,
  halfRateTable,
  historySection,
  historyTable,
  ingestSection,
  ingestTable,
  renderReport,
  replaceSection,
  sectionHeadings,
} from "@/scripts/bench/report";
import { repoRoot, runCommand } from "@/scripts/bench/run-command";
import { createScratchDatabase, dropScratchDatabase } from "@/scripts/bench/scratch-database";
import { startHub, type RunningHub } from "@/scripts/bench/start-hub";

const hubPort = 3300;
const executorPort = 8398;

const args = process.argv.slice(2);
const options = parseBenchOptions(args);
const command = `npm run bench${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`;

/** Undone last first, whatever happened. */
const cleanups: Array<() => Promise<void>> = [];
/** Set by Ctrl-C: what fails after it is the clean-up at work, not a finding. */
let interrupted = false;

let cleaningUp: Promise<void> | null = null;

/** Ctrl-C and the end of main may both ask; both wait for the one clean-up. */
function cleanUp(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) =>
        console.warn(`[bench] clean-up step failed: ${error instanceof Error ? error.message : error}`),
      );
    }
  })();
  return cleaningUp;
}

async function buildOrReuse() {
  if (options.build) {
    phase("building the production bundle (next build; --no-build reuses .next)…");
    await runCommand("npx", ["next", "build"]);
  } else if (!existsSync(path.join(repoRoot, ".next", "BUILD_ID"))) {
    throw new Error("--no-build, but there is no production build in .next; run without --no-build.");
  } else {
    phase("--no-build: serving the existing .next");
  }
}

/** A fresh hub (npm start's server + executor) for one section, stopped when it is done, so sections do not share leftovers. */
async function withHub<T>(work: (hub: RunningHub) => Promise<T>): Promise<T> {
  await assertPortFree(hubPort);
  await assertPortFree(executorPort);
  const sink = await startSmtpSink();
  cleanups.push(() => sink.stop());
  phase(`starting the hub: server/main.ts on :${hubPort}, local Inngest executor on :${executorPort}…`);
  const hub = startHub(
    { ...process.env, ...appEnv, SMTP_URL: sink.url, PORT: String(hubPort), LOCAL_INNGEST_PORT: String(executorPort) },
    hubPort,
  );
  cleanups.push(() => hub.stop());
  await hub.ready;
  try {
    return await work(hub);
  } catch (error) {
    if (!interrupted) console.error(`[bench] the hub's last output:\n${hub.log().slice(-4000)}`);
    throw error;
  } finally {
    await hub.stop();
    await sink.stop();
  }
}

const runIngest = () => withHub((hub) => benchmarkIngest(hub.url, hub.processGroup, options));

async function runEngine(machine: Awaited<ReturnType<typeof describeMachine>>): Promise<EngineRun> {
  const receiver = await startCountingReceiver();
  cleanups.push(() => receiver.close());
  const { single, batched, latency } = await withHub(async (hub) => ({
    latency: await benchmarkIdleLatency(hub, receiver, 50),
    single: await benchmarkEngine(hub, receiver, {
      mode: "single",
      webhooks: 20,
      events: options.engineEvents,
      batchSize: 1,
    }),
    batched: await benchmarkEngine(hub, receiver, {
      mode: "batched",
      webhooks: 20,
      events: options.engineBatchedEvents,
      batchSize: 1000,
    }),
  }));
  return { machine, loadAverageAfter: os.loadavg()[0]!, command, date: new Date(), single, batched, latency };
}

async function main() {
  const startedAt = Date.now();
  const machine = await describeMachine();
  const busy = machine.loadAverage > machine.cores / 2 ? " — the machine is busy; expect lower, noisier figures" : "";
  phase(`${machine.cpu}, ${machine.cores} cores, Node.js ${machine.node}, load average ${machine.loadAverage}${busy}`);
  phase(`scratch database ${scratchDatabase}: creating it and applying migrations…`);
  cleanups.push(() => dropScratchDatabase(scratchDatabase));
  await createScratchDatabase(scratchDatabase);
  cleanups.push(() => db.$disconnect());
  const output = path.resolve(repoRoot, options.output);
  await mkdir(path.dirname(output), { recursive: true });
  const run = { machine, command, date: new Date() };
  const sections = new Set(options.sections);
  if (sections.has("ingest") || sections.has("delivery")) await buildOrReuse();
  // The engine first, on the fresh database: its figures count Postgres's CPU, which the ingest
  // section's tens of thousands of events would otherwise add autovacuum work to.
  const engine = sections.has("delivery") ? await runEngine(machine) : null;
  const ingest = sections.has("ingest") ? await runIngest() : null;
  const history = sections.has("history") ? await benchmarkHistory(options) : null;
  const ended = { ...run, loadAverageAfter: os.loadavg()[0]!, options };

  if (ingest)
    console.log(
      `\nIngest, one event per request\n${ingestTable(ingest)}\n\nAt half that rate\n${halfRateTable(ingest)}\n\nBatches\n${batchTable(ingest)}\n`,
    );
  if (engine) console.log(`\nDelivery engine\n${engineTable(engine)}\n`);
  if (history) console.log(`\nHistory at scale\n${historyTable(history)}\n`);
  if (ingest && engine && history) {
    await writeFile(output, renderReport({ ...ended, ingest, engine, history }));
  } else {
    let report = await readFile(output, "utf8").catch(() => "# Benchmarks\n");
    if (ingest) report = replaceSection(report, sectionHeadings.ingest, ingestSection({ ...ended, ingest }));
    if (engine) report = replaceSection(report, sectionHeadings.delivery, engineSection(engine));
    if (history) report = replaceSection(report, sectionHeadings.history, historySection({ ...ended, history }));
    await writeFile(output, report);
  }
  phase(`done in ${Math.round((Date.now() - startedAt) / 1000)} s; written to ${path.relative(repoRoot, output)}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = true;
    phase(`${signal}: stopping what the benchmark started…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  if (!interrupted) console.error(`[bench] failed: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  phase("cleaning up: the hub, the receiver and the scratch database");
  await cleanUp();
}
process.exit(exitCode);
