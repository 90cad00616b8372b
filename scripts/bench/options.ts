import { parseArgs } from "node:util";

export interface BenchOptions {
  /** Skip `next build` and serve the existing .next. */
  build: boolean;
  events: number;
  concurrency: number;
  warmup: number;
  output: string;
  /** `npm run bench -- history`: only the history section, the rest of the report kept as it is. */
  historyOnly: boolean;
  /** `npm run bench -- engine`: only the end-to-end engine section. */
  engineOnly: boolean;
  engineEvents: number;
  engineBatchedEvents: number;
  historyAttempts: number;
  historySamples: number;
}

const usage = `npm run bench -- [history | engine] [options]
  history                    run only the history-at-scale section; it rewrites only its part of the report
  engine                     run only the end-to-end delivery engine section; likewise
  --engine-events N          events fanned out to 20 single-mode webhooks (default 1000)
  --engine-batched-events N  events fanned out to 20 batched webhooks (default 20000)
  --no-build                 serve the existing .next instead of running next build first
  --events N                 events to publish in the ingest run (default 5000)
  --concurrency N            requests in flight during the ingest run (default 50)
  --warmup N                 requests sent before each measured run (default 500)
  --history-attempts N       attempts seeded for the history section (default 1000000)
  --history-samples N        timed calls per history query (default 200)
  --output FILE              where to write the report (default docs/benchmarks.md)`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer, not "${value}".\n\n${usage}`);
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
      "history-attempts": { type: "string" },
      "history-samples": { type: "string" },
      "engine-events": { type: "string" },
      "engine-batched-events": { type: "string" },
      output: { type: "string", default: "docs/benchmarks.md" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const unknown = positionals.filter((name) => name !== "history" && name !== "engine");
  if (unknown.length > 0) throw new Error(`Unknown section ${unknown.join(", ")}.\n\n${usage}`);
  return {
    historyOnly: positionals.includes("history"),
    engineOnly: positionals.includes("engine"),
    engineEvents: positive("engine-events", values["engine-events"], 1000),
    engineBatchedEvents: positive("engine-batched-events", values["engine-batched-events"], 20_000),
    historyAttempts: positive("history-attempts", values["history-attempts"], 1_000_000),
    historySamples: positive("history-samples", values["history-samples"], 200),
    build: !values["no-build"],
    events: positive("events", values.events, 5000),
    concurrency: positive("concurrency", values.concurrency, 50),
    warmup: positive("warmup", values.warmup, 500),
    output: values.output,
  };
}
