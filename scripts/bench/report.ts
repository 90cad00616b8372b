import { engineSection, type EngineRun } from "@/scripts/bench/engine-report";
import type { HistoryResult } from "@/scripts/bench/history";
import type { CpuMeasurement, IngestResult } from "@/scripts/bench/ingest";
import type { Measurement } from "@/scripts/bench/load";
import type { Machine } from "@/scripts/bench/machine";
import type { BenchOptions } from "@/scripts/bench/options";

export interface BenchReport {
  /** Described as the run starts, so its load average is the machine's own, not the benchmark's. */
  machine: Machine;
  /** The load average as the run ends. */
  loadAverageAfter: number;
  command: string;
  date: Date;
  options: BenchOptions;
  ingest: IngestResult;
  engine: EngineRun;
  history: HistoryResult;
}

export const sectionHeadings = {
  ingest: "## Ingest",
  delivery: "## Delivery engine, end to end",
  history: "## History at scale",
} as const;

/** What a run of some sections (`npm run bench -- history`) says about itself. */
export type SectionRun = Pick<BenchReport, "machine" | "loadAverageAfter" | "command" | "date">;
export type HistoryRun = SectionRun & Pick<BenchReport, "history">;
export type IngestRun = SectionRun & Pick<BenchReport, "ingest" | "options">;

const number = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (measured: number, ceiling: number) => `${number(measured / ceiling, 2)}×`;
const seconds = (measurement: Measurement) => `${number(measurement.durationMs / 1000, 1)} s`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

const verdict = (met: boolean) => (met ? "met" : "missed");
const cpu = (ms: number) => number(ms, ms < 1 ? 3 : 2);

/** A figure of the route beside the bare route's, their ratio, and no target. */
function comparedRow(
  label: string,
  format: (value: number) => string,
  pick: (run: CpuMeasurement) => number,
  ingest: CpuMeasurement,
  ceiling: CpuMeasurement,
) {
  return [label, format(pick(ingest)), format(pick(ceiling)), ratio(pick(ingest), pick(ceiling)), "", ""];
}
const latency = (ms: number) => number(ms, 1);

// Issue 10's targets, stated once: the tables and the verdicts read them from here.
export const ingestTargets = { singleRatio: 0.9, halfRateP99Ratio: 2, batchEventsPerSecond: 15_000 };

export function ingestTable({ ingest, ceiling, stored, dispatched }: IngestResult): string {
  const throughputRatio = ingest.perSecond / ceiling.perSecond;
  return table(
    ["", "POST /api/v1/events", "GET /api/health (bare route)", "ratio", "target", ""],
    [
      ["requests", number(ingest.count), number(ceiling.count), "", "", ""],
      ["wall time", seconds(ingest), seconds(ceiling), "", "", ""],
      [
        "throughput (requests/s)",
        number(ingest.perSecond),
        number(ceiling.perSecond),
        ratio(ingest.perSecond, ceiling.perSecond),
        `≥ ${number(ingestTargets.singleRatio, 2)}×`,
        verdict(throughputRatio >= ingestTargets.singleRatio),
      ],
      comparedRow("p50 latency (ms)", latency, (run) => run.p50Ms, ingest, ceiling),
      comparedRow("p99 latency (ms)", latency, (run) => run.p99Ms, ingest, ceiling),
      comparedRow("server CPU per request (ms)", cpu, (run) => run.cpuMsPerOperation, ingest, ceiling),
      ["events stored", `${number(stored)} of ${number(ingest.count)}`, "", "", "", ""],
      [
        "events handed over (fanned out) as the run ended",
        `${number(dispatched)} of ${number(ingest.count)}`,
        "",
        "",
        "",
        "",
      ],
    ],
  );
}

export function halfRateTable({ halfRate: { ingest, ceiling } }: IngestResult): string {
  const p99Ratio = ingest.p99Ms / ceiling.p99Ms;
  return table(
    ["", "POST /api/v1/events", "GET /api/health (bare route)", "ratio", "target", ""],
    [
      ["requests/s sent (achieved)", number(ingest.perSecond), number(ceiling.perSecond), "", "", ""],
      comparedRow("p50 latency (ms)", latency, (run) => run.p50Ms, ingest, ceiling),
      [
        "p99 latency (ms)",
        number(ingest.p99Ms, 1),
        number(ceiling.p99Ms, 1),
        ratio(ingest.p99Ms, ceiling.p99Ms),
        `≤ ${number(ingestTargets.halfRateP99Ratio, 2)}×`,
        verdict(p99Ratio <= ingestTargets.halfRateP99Ratio),
      ],
      comparedRow("server CPU per request (ms)", cpu, (run) => run.cpuMsPerOperation, ingest, ceiling),
    ],
  );
}

export function batchTable({ batches }: IngestResult): string {
  return table(
    [
      "events per request",
      "requests × events",
      "stored (events/s)",
      "handed over (events/s)",
      "server CPU per event (ms)",
      "request p50 / p99 (ms)",
      "target",
      "",
    ],
    batches.map((batch) => [
      number(batch.eventsPerRequest),
      `${number(batch.requests.count)} × ${number(batch.eventsPerRequest)}`,
      number(batch.storedPerSecond),
      number(batch.handedOverPerSecond),
      cpu(batch.cpuMsPerEvent),
      `${number(batch.requests.p50Ms, 1)} / ${number(batch.requests.p99Ms, 1)}`,
      `≥ ${number(ingestTargets.batchEventsPerSecond)} handed over`,
      verdict(batch.handedOverPerSecond >= ingestTargets.batchEventsPerSecond),
    ]),
  );
}

export function historyTable({ figures }: HistoryResult): string {
  return table(
    ["query", "calls", "p50 (ms)", "p95 (ms)", "target p95 (ms)", ""],
    figures.map(({ query, samples, p50Ms, p95Ms, targetP95Ms }) => [
      query,
      number(samples),
      number(p50Ms, 1),
      number(p95Ms, 1),
      targetP95Ms === null ? "" : `≤ ${number(targetP95Ms)}`,
      targetP95Ms === null ? "" : p95Ms <= targetP95Ms ? "met" : "missed",
    ]),
  );
}

const historyHeading = sectionHeadings.history;

const measuredBy = ({ machine, loadAverageAfter, command, date }: SectionRun) =>
  `Measured ${date.toISOString()} by \`${command}\` on ${machine.cores} cores, load average ${number(machine.loadAverage, 2)} before / ${number(loadAverageAfter, 2)} after.`;

export function ingestSection(run: IngestRun): string {
  const { options, ingest } = run;
  return `${sectionHeadings.ingest}

\`POST /api/v1/events\` over HTTP against the production server (\`next build\`, then \`npm start\`:
\`server/main.ts\`, which hands this route straight to its compiled handler and every other route,
the bare one included, to Next.js) with the local Inngest executor running, on a fresh database.
${measuredBy(run)} CPU is the web server process's own, read from \`/proc/<pid>/stat\` before and after each run, so other work on the machine does not count.
An event counts once the hub has answered 202, which it does only after its row is committed
(concurrent requests share one transaction: one INSERT, then the events' fan-out, which marks them
handed over, \`dispatchedAt\`).

### One event per request, ${options.concurrency} in flight

${number(options.events)} requests each (undici pool, closed loop), after ${number(options.warmup)} warm-up requests. The bare route,
\`GET /api/health\`, touches neither the database nor auth, and goes through Next.js's request pipeline:
the ceiling a route of the app has under Next.js.

${ingestTable(ingest)}

### Latency at half that rate

Both routes again at ${number(ingest.halfRate.perSecond)} requests/s, open loop (each request starts on schedule whatever the
others are doing; latency counts from the scheduled start), ${number(ingest.halfRate.ingest.count)} requests each.

${halfRateTable(ingest)}

### Batches

Arrays of events in one request, ${options.batchConcurrency} requests in flight, about ${number(options.batchEvents)} events per size; timed until
every event of the run has \`dispatchedAt\` set. A batch is stored already handed over: one INSERT, then its
fan-out, in one transaction, so "handed over" ends when the last batch commits. CPU per event covers the whole window.

${batchTable(ingest)}
`;
}

/** The report with one section replaced by (or, if it has none, given) this run's. */
export function replaceSection(report: string, heading: string, section: string): string {
  const start = report.indexOf(`${heading}\n`);
  if (start === -1) {
    const before = report.indexOf("## How to read these");
    return before === -1
      ? `${report.trimEnd()}\n\n${section}`
      : `${report.slice(0, before)}${section}\n${report.slice(before)}`;
  }
  const end = report.indexOf("\n## ", start + heading.length);
  return `${report.slice(0, start)}${section}${end === -1 ? "" : report.slice(end)}`;
}

export function historySection({ machine, loadAverageAfter, command, date, history }: HistoryRun): string {
  return `${historyHeading}

The read side on a big history, through the functions the API routes call: \`listDeliveries\`
(\`GET /api/v1/webhooks/{id}/deliveries\`, 20 per page, each with its latest attempt) and
\`webhookStats\` (\`GET /api/v1/webhooks/{id}/stats\`, read from the rollups the attempts' trigger keeps:
\`AttemptHourly\` for 24 h and 7 d, \`AttemptDaily\` for 30 d).
Seeded in bulk with \`INSERT … SELECT generate_series\`: ${number(history.attempts)} attempts, ${history.attempts / history.deliveries} per delivery, of
${number(history.deliveries)} deliveries (one event each) to ${history.webhooks} webhooks of one org, spread over ${history.days} days. Each
query is called one at a time, cycling over the webhooks (deep pages start at random deliveries), after
a tenth as many unmeasured calls. Measured ${date.toISOString()} by \`${command}\` on ${machine.cores} cores, load average
${number(machine.loadAverage, 2)} before / ${number(loadAverageAfter, 2)} after.

| seeding | seconds |
| --- | --- |
| events, deliveries and their links | ${number(history.fixturesSeconds, 1)} |
| ${number(history.attempts)} attempts in one statement, the rollups' trigger included | ${number(history.attemptsSeconds, 1)} |
| the rollups' migration backfill over them (${number(history.rollupRows)} hourly rows) | ${number(history.backfillSeconds, 1)} |

${historyTable(history)}

Plans of the statement \`listDeliveries\` sends for a page (\`deliveryPageStatement\`): the newest page, then one halfway down a webhook's history:

\`\`\`
${history.pagePlans}
\`\`\`
`;
}

/** The report with its history section replaced by (or, if it has none, given) this run's. */
export function replaceHistorySection(report: string, run: HistoryRun): string {
  return replaceSection(report, historyHeading, historySection(run));
}

function machineTable({ machine, loadAverageAfter, command, date }: BenchReport): string {
  return table(
    ["", ""],
    [
      ["CPU", machine.cpu],
      ["cores", String(machine.cores)],
      ["memory", `${machine.memoryGiB} GiB`],
      ["OS", machine.os],
      ["Node.js", machine.node],
      [
        "load average (1 min) before / after the run",
        `${number(machine.loadAverage, 2)} / ${number(loadAverageAfter, 2)}`,
      ],
      ["command", `\`${command}\``],
      ["date", date.toISOString()],
    ],
  );
}

export function renderReport(report: BenchReport): string {
  return `# Benchmarks

Written by \`npm run bench\` (\`scripts/bench.ts\`); rerunning it overwrites this file, and
\`npm run bench -- ingest\` (or \`delivery\`, \`history\`) rewrites only that section. Options:
\`npm run bench -- --help\`.

## Machine

${machineTable(report)}

${ingestSection(report)}
${engineSection(report.engine)}
${historySection(report)}
## How to read these

- **ratio** is the measured figure divided by the ceiling's. For throughput, the share of what this
  machine's HTTP stack does with no application work at all (1.00× would mean the application is
  free); for latency, how many times longer a request takes than a bare one.
- Everything runs on this one machine: load generator, Next.js, the executor, Postgres and the
  receiver share its ${report.machine.cores} cores, and nothing isolates the run from whatever else the machine is
  doing: a load average before the run above half the core count means something else was
  competing for them. Compare runs on the same, quiet machine, not across machines.
- Ingest latency includes the commit and the fan-out in it, never the start of delivery runs
  (sent to Inngest after the commit, in the background).
- The engine figures count everything a delivery costs: the publish and its fan-out, the executor's
  calls, the round's claim, signing, the POST and the record, in Next.js, the executor and
  Postgres. The receiver runs in the benchmark's own process, whose CPU is not counted.
`;
}
