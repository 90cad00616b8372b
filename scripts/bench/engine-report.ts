import type { EngineResult, LatencyResult } from "@/scripts/bench/engine";
import type { Machine } from "@/scripts/bench/machine";

export interface EngineRun {
  machine: Machine;
  loadAverageAfter: number;
  command: string;
  date: Date;
  single: EngineResult;
  batched: EngineResult;
  latency: LatencyResult;
}

const number = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const met = (ok: boolean) => (ok ? "met" : "**missed**");

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

const targets = { singleRatio: 0.5, cpuMsPerDelivery: 1.5, batchedEventsPerSecond: 20_000, idleP50Ms: 50 };

export function engineTable({ single, batched, latency }: Pick<EngineRun, "single" | "batched" | "latency">): string {
  const ratio = single.ceiling ? single.requestsPerSecond / single.ceiling.perSecond : 0;
  return table(
    ["figure", "measured", "ceiling in the same run", "target", ""],
    [
      [
        `single: ${number(single.events)} events × ${single.webhooks} webhooks, deliveries/s`,
        `${number(single.requestsPerSecond)} (${number(single.cpuMsPerRequest, 2)} ms CPU each)`,
        single.ceiling
          ? `${number(single.ceiling.perSecond)} raw undici POSTs/s at ${single.webhooks * 16} in flight`
          : "",
        `≥ ${targets.singleRatio}× the ceiling: ${number(ratio, 2)}×`,
        met(ratio >= targets.singleRatio),
      ],
      [
        "single: CPU per delivery (hub + Postgres)",
        `${number(single.cpuMsPerRequest, 2)} ms (hub ${number(single.cpu.hubMs / single.requests, 2)}, Postgres ${number(single.cpu.postgresMs / single.requests, 2)})`,
        "",
        `≤ ${targets.cpuMsPerDelivery} ms`,
        met(single.cpuMsPerRequest <= targets.cpuMsPerDelivery),
      ],
      [
        `batched: ${number(batched.events)} events × ${batched.webhooks} webhooks, ≤ ${batched.batchSize} per request, events delivered/s`,
        `${number(batched.eventDeliveriesPerSecond)} in ${number(batched.requests)} requests (${number((batched.cpu.hubMs + batched.cpu.postgresMs) / batched.eventDeliveries, 3)} ms CPU per event)`,
        "",
        `≥ ${number(targets.batchedEventsPerSecond)}`,
        met(batched.eventDeliveriesPerSecond >= targets.batchedEventsPerSecond),
      ],
      [
        `publish → receiver on an idle hub, ${latency.samples} events`,
        `p50 ${number(latency.p50Ms, 1)} ms, p95 ${number(latency.p95Ms, 1)} ms`,
        "",
        `p50 ≤ ${targets.idleP50Ms} ms`,
        met(latency.p50Ms <= targets.idleP50Ms),
      ],
    ],
  );
}

export function engineSection(run: EngineRun): string {
  return `## Delivery engine, end to end

The whole engine against the production server (\`next build\`, then \`npm start\`) and the local executor:
events published through the API in batches of 1,000 (4 requests in flight), each batch stored and
fanned out with set-based SQL in one transaction, which then starts one run per webhook that gained
work; each run claims its due deliveries in rounds, signs and POSTs them (Standard Webhooks) to a
loopback receiver that answers 200, and records every attempt and state change of a round in one
statement each. Timed from the first publish until the receiver has every request. CPU is every process of the hub (Next.js, the executor) and
of the Postgres server, read from /proc before and after. The ceiling POSTs the very bodies the
hub recorded, with undici, to the same receiver, with as many in flight as the engine can have
(16 per webhook). Measured ${run.date.toISOString()} by \`${run.command}\` on ${run.machine.cores} cores, load average
${number(run.machine.loadAverage, 2)} before / ${number(run.loadAverageAfter, 2)} after.

${engineTable(run)}
`;
}
