import { engineSection, replaceSection, type EngineRun } from "@/scripts/bench/engine-report";
import type { HistoryResult } from "@/scripts/bench/history";
import type { IngestResult } from "@/scripts/bench/ingest";
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

/** What a history-only run (`npm run bench -- history`) says about itself. */
export type HistoryRun = Pick<BenchReport, "machine" | "loadAverageAfter" | "command" | "date" | "history">;

const number = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (measured: number, ceiling: number) => `${number(measured / ceiling, 2)}×`;
const seconds = (measurement: Measurement) => `${number(measurement.durationMs / 1000, 1)} s`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function ingestTable({ ingest, ceiling, stored, dispatched }: IngestResult): string {
  return table(
    ["", "POST /api/v1/events", "GET /api/health (ceiling)", "ratio"],
    [
      ["requests", number(ingest.count), number(ceiling.count), ""],
      ["wall time", seconds(ingest), seconds(ceiling), ""],
      ["throughput (requests/s)", number(ingest.perSecond), number(ceiling.perSecond), ratio(ingest.perSecond, ceiling.perSecond)],
      ["p50 latency (ms)", number(ingest.p50Ms, 1), number(ceiling.p50Ms, 1), ratio(ingest.p50Ms, ceiling.p50Ms)],
      ["p99 latency (ms)", number(ingest.p99Ms, 1), number(ceiling.p99Ms, 1), ratio(ingest.p99Ms, ceiling.p99Ms)],
      ["events stored", `${number(stored)} of ${number(ingest.count)}`, "", ""],
      ["events handed to Inngest before the 202", `${number(dispatched)} of ${number(ingest.count)}`, "", ""],
    ],
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

const historyHeading = "## History at scale";

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
      ["load average (1 min) before / after the run", `${number(machine.loadAverage, 2)} / ${number(loadAverageAfter, 2)}`],
      ["command", `\`${command}\``],
      ["date", date.toISOString()],
    ],
  );
}

export function renderReport(report: BenchReport): string {
  const { options } = report;
  return `# Benchmarks

Written by \`npm run bench\` (\`scripts/bench.ts\`); rerunning it overwrites this file. Options:
\`npm run bench -- --help\`.

## Machine

${machineTable(report)}

## Ingest

\`POST /api/v1/events\` over HTTP against the production build (\`next build\`, \`next start\`) with the
local Inngest executor running, on a fresh database: ${number(options.events)} events, ${options.concurrency} requests in flight
(undici pool, closed loop), after ${number(options.warmup)} warm-up requests. An event counts once the hub has
answered 202, which it does only after the row is committed and handed to Inngest. The ceiling is
the same load against \`GET /api/health\`, a route that touches neither the database nor auth.

${ingestTable(report.ingest)}

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
- Ingest latency includes the hand-over to Inngest before the 202, and the executor runs each
  accepted event's fan-out on the same server while the load goes on: the figures are for a hub
  doing its background work, not an idle one.
- The engine figures count everything a delivery costs: the outbox's fan-out, the executor's
  calls, the round's claim, signing, the POST and the record, in Next.js, the executor and
  Postgres. The receiver runs in the benchmark's own process, whose CPU is not counted.
`;
}
