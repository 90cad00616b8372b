import { parseArgs } from "node:util";

export const benchSections = ["ingest", "delivery", "history"] as const;
export type BenchSection = (typeof benchSections)[number];

export interface BenchOptions {
  /** Skip `next build` and serve the existing .next. */
  build: boolean;
  events: number;
  concurrency: number;
  warmup: number;
  engineEvents: number;
  engineBatchedEvents: number;
  output: string;
  /** The sections named on the command line (`npm run bench -- ingest history`), or all of them. */
  sections: BenchSection[];
  batchEvents: number;
  batchConcurrency: number;
  historyAttempts: number;
  historySamples: number;
}

const usage = `npm run bench -- [ingest] [delivery] [history] [options]
  ingest | delivery | history  run only the named sections (default: all); each rewrites only its part of the report
  --no-build                 serve the existing .next instead of running next build first
  --events N                 events to publish in the ingest run (default 5000)
  --concurrency N            requests in flight during the ingest run (default 50)
  --warmup N                 requests sent before each measured run (default 500)
  --batch-events N           events per batch-ingest run, at 500 and at 1,000 per request (default 20000)
  --batch-concurrency N      batch requests in flight (default 4)
  --engine-events N          delivery: events fanned out to 20 single-mode webhooks (default 1000)
  --engine-batched-events N  delivery: events fanned out to 20 batched webhooks (default 20000)
  --history-attempts N       attempts seeded for the history section (default 1000000)
  --history-samples N        timed calls per history query (default 200)
  --output FILE              where to write the report (default docs/benchmarks.md)`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`--${name} must be a positive integer, not "${value}".\n\n${usage}`);
  return parsed;
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "no-build": { type: "boolean", default: false },
      events: { type: "string" },
      concurrency: { type: "string" },
      warmup: { type: "string" },
      "batch-events": { type: "string" },
      "batch-concurrency": { type: "string" },
      "engine-events": { type: "string" },
      "engine-batched-events": { type: "string" },
      "history-attempts": { type: "string" },
      "history-samples": { type: "string" },
      output: { type: "string", default: "docs/benchmarks.md" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const unknown = positionals.filter((name) => !(benchSections as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown section ${unknown.join(", ")}.\n\n${usage}`);
  return {
    sections:
      positionals.length > 0 ? benchSections.filter((section) => positionals.includes(section)) : [...benchSections],
    batchEvents: positive("batch-events", values["batch-events"], 20_000),
    batchConcurrency: positive("batch-concurrency", values["batch-concurrency"], 4),
    historyAttempts: positive("history-attempts", values["history-attempts"], 1_000_000),
    historySamples: positive("history-samples", values["history-samples"], 200),
    build: !values["no-build"],
    events: positive("events", values.events, 5000),
    concurrency: positive("concurrency", values.concurrency, 50),
    warmup: positive("warmup", values.warmup, 500),
    engineEvents: positive("engine-events", values["engine-events"], 1000),
    engineBatchedEvents: positive("engine-batched-events", values["engine-batched-events"], 20_000),
    output: values.output,
  };
}
