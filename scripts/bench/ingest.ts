import { Pool, type Dispatcher } from "undici";
import { db } from "@/lib/db";
import { runLoad, runPacedLoad, type Measurement } from "@/scripts/bench/load";
import { measureCpu } from "@/scripts/bench/process-cpu";
import { phase } from "@/scripts/bench/progress";
import { createApiToken, createOrg } from "@/test/factories";

export interface IngestOptions {
  events: number;
  concurrency: number;
  warmup: number;
  batchEvents: number;
  batchConcurrency: number;
}

/** A measurement with the CPU the Next.js server spent on it, per operation (request or event). */
export type CpuMeasurement = Measurement & { cpuMsPerOperation: number };

export interface BatchIngestResult {
  eventsPerRequest: number;
  requests: Measurement;
  events: number;
  /** Events answered 202 (so committed) per second. */
  storedPerSecond: number;
  /** Events per second until the last of them had dispatchedAt set (fanned out). */
  handedOverPerSecond: number;
  cpuMsPerEvent: number;
}

export interface IngestResult {
  ingest: CpuMeasurement;
  /** The same load against GET /api/health: no auth, no database. */
  ceiling: CpuMeasurement;
  /** Both routes again at half the ingest throughput, open loop: latency at a rate the hub keeps up with. */
  halfRate: { perSecond: number; ingest: CpuMeasurement; ceiling: CpuMeasurement };
  /** Rows the measured run added to the Event table; must equal the events sent. */
  stored: number;
  /** Of those, how many had been fanned out when the run ended. */
  dispatched: number;
  batches: BatchIngestResult[];
}

/** A CodeScoring-shaped event of the kind a producer publishes all day. */
const event = (sequence: number) => ({
  type: "project_sca_analysis_finished",
  payload: { project_id: 42, project_name: "payments-service", sequence },
});

async function expectStatus(response: Dispatcher.ResponseData, expected: number, what: string) {
  const body = await response.body.text();
  if (response.statusCode !== expected)
    throw new Error(`${what} answered ${response.statusCode}, expected ${expected}: ${body.slice(0, 300)}`);
  return body;
}

function healthCheck(pool: Pool) {
  return async () => {
    const body = await expectStatus(await pool.request({ path: "/api/health", method: "GET" }), 200, "GET /api/health");
    if (JSON.parse(body).status !== "ok") throw new Error(`GET /api/health said ${body}`);
  };
}

function post(pool: Pool, token: string, body: unknown) {
  return pool.request({
    path: "/api/v1/events",
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

function publish(pool: Pool, token: string, offset: number) {
  return async (index: number) =>
    expectStatus(await post(pool, token, event(offset + index)), 202, "POST /api/v1/events").then(() => undefined);
}

async function withCpu(
  processGroup: number,
  operations: number,
  run: () => Promise<Measurement>,
): Promise<CpuMeasurement> {
  const { result, cpuMs } = await measureCpu(processGroup, run);
  return { ...result, cpuMsPerOperation: cpuMs / operations };
}

const undispatched = async (orgId: string) => db.event.count({ where: { orgId, dispatchedAt: null } });

async function untilDispatched(orgId: string) {
  while ((await undispatched(orgId)) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Batches of `size` events, `concurrency` requests in flight, timed until every event is handed over (fanned out). */
async function batchIngest(
  pool: Pool,
  processGroup: number,
  size: number,
  { batchEvents, batchConcurrency, warmup }: IngestOptions,
): Promise<BatchIngestResult> {
  const { org } = await createOrg(`Bench batch ${size}`);
  const { token } = await createApiToken(org.id, ["events:write"]);
  const requests = Math.max(1, Math.round(batchEvents / size));
  const batch = (offset: number) => Array.from({ length: size }, (_, n) => event(offset + n));
  const send = async (index: number) =>
    void (await expectStatus(
      await post(pool, token, batch(index * size)),
      202,
      `POST /api/v1/events (${size} events)`,
    ));
  await runLoad({
    label: "warm-up",
    total: Math.max(2, Math.round(warmup / size)),
    concurrency: batchConcurrency,
    send,
    quiet: true,
  });
  await untilDispatched(org.id);
  phase(
    `batch ingest: ${requests} × ${size} events, ${batchConcurrency} requests in flight, until every event is handed over`,
  );
  const started = performance.now();
  const { result: measured, cpuMs } = await measureCpu(processGroup, async () => {
    const load = await runLoad({
      label: `POST /api/v1/events × ${size}`,
      total: requests,
      concurrency: batchConcurrency,
      send,
    });
    await untilDispatched(org.id);
    return load;
  });
  const handedOverMs = performance.now() - started;
  const events = requests * size;
  return {
    eventsPerRequest: size,
    requests: measured,
    events,
    storedPerSecond: (events / measured.durationMs) * 1000,
    handedOverPerSecond: (events / handedOverMs) * 1000,
    cpuMsPerEvent: cpuMs / events,
  };
}

/**
 * Publishes events over HTTP to the production server and measures how fast it accepts them
 * (stored before the 202), beside the same load on a bare route, each with the CPU the Next.js
 * process spent; then both at half that rate for latency; then batches. The ceiling runs first:
 * the events' dispatch keeps the hub busy for a moment after they are accepted.
 */
export async function benchmarkIngest(
  hubUrl: string,
  processGroup: number,
  options: IngestOptions,
): Promise<IngestResult> {
  const { events, concurrency, warmup } = options;
  const { org } = await createOrg("Bench ingest");
  const { token } = await createApiToken(org.id, ["events:write"]);
  const pool = new Pool(hubUrl, { connections: concurrency });
  try {
    phase(`ceiling: GET /api/health × ${events}, ${concurrency} in flight (after ${warmup} to warm up)`);
    await runLoad({ label: "warm-up", total: warmup, concurrency, send: healthCheck(pool), quiet: true });
    const ceiling = await withCpu(processGroup, events, () =>
      runLoad({ label: "GET /api/health", total: events, concurrency, send: healthCheck(pool) }),
    );

    phase(`ingest: POST /api/v1/events × ${events}, ${concurrency} in flight (after ${warmup} to warm up)`);
    await runLoad({
      label: "warm-up",
      total: warmup,
      concurrency,
      send: publish(pool, token, 10 * events),
      quiet: true,
    });
    await untilDispatched(org.id);
    // Every warm-up event was answered, so stored, before this instant: what follows is the run's.
    const runStart = new Date();
    const ingest = await withCpu(processGroup, events, () =>
      runLoad({ label: "POST /api/v1/events", total: events, concurrency, send: publish(pool, token, 0) }),
    );
    const ofTheRun = { orgId: org.id, createdAt: { gte: runStart } };
    const stored = await db.event.count({ where: ofTheRun });
    const dispatched = await db.event.count({ where: { ...ofTheRun, dispatchedAt: { not: null } } });
    if (stored !== events) throw new Error(`The hub accepted ${events} events but stored ${stored}.`);
    await untilDispatched(org.id);

    const perSecond = Math.max(1, Math.round(ingest.perSecond / 2));
    const paced = Math.min(events, perSecond * 10);
    phase(`half rate: ${perSecond} requests/s, open loop, ${paced} each to GET /api/health and POST /api/v1/events`);
    const halfCeiling = await withCpu(processGroup, paced, () =>
      runPacedLoad({ label: "GET /api/health (paced)", total: paced, perSecond, send: healthCheck(pool) }),
    );
    const halfIngest = await withCpu(processGroup, paced, () =>
      runPacedLoad({
        label: "POST /api/v1/events (paced)",
        total: paced,
        perSecond,
        send: publish(pool, token, 20 * events),
      }),
    );
    await untilDispatched(org.id);

    const batches = [];
    for (const size of [500, 1000]) batches.push(await batchIngest(pool, processGroup, size, options));
    return {
      ingest,
      ceiling,
      halfRate: { perSecond, ingest: halfIngest, ceiling: halfCeiling },
      stored,
      dispatched,
      batches,
    };
  } finally {
    await pool.close();
  }
}
