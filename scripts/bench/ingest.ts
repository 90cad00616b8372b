import { Pool, type Dispatcher } from "undici";
import { db } from "@/lib/db";
import { runLoad, type Measurement } from "@/scripts/bench/load";
import { phase } from "@/scripts/bench/progress";
import { createApiToken, createOrg } from "@/test/factories";

export interface IngestOptions {
  events: number;
  concurrency: number;
  warmup: number;
}

export interface IngestResult {
  ingest: Measurement;
  /** The same load against GET /api/health: no auth, no database. */
  ceiling: Measurement;
  /** Rows the measured run added to the Event table; must equal the events sent. */
  stored: number;
  /** Of those, how many the hub had handed to Inngest when the run ended. */
  dispatched: number;
}

/** A CodeScoring-shaped event of the kind a producer publishes all day. */
const eventBody = (sequence: number) =>
  JSON.stringify({ type: "project_sca_analysis_finished", payload: { project_id: 42, project_name: "payments-service", sequence } });

async function expectStatus(response: Dispatcher.ResponseData, expected: number, what: string) {
  const body = await response.body.text();
  if (response.statusCode !== expected) throw new Error(`${what} answered ${response.statusCode}, expected ${expected}: ${body.slice(0, 300)}`);
  return body;
}

function healthCheck(pool: Pool) {
  return async () => {
    const body = await expectStatus(await pool.request({ path: "/api/health", method: "GET" }), 200, "GET /api/health");
    if (JSON.parse(body).status !== "ok") throw new Error(`GET /api/health said ${body}`);
  };
}

function publish(pool: Pool, token: string, offset: number) {
  return async (index: number) => {
    const response = await pool.request({
      path: "/api/v1/events",
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: eventBody(offset + index),
    });
    await expectStatus(response, 202, "POST /api/v1/events");
  };
}

/**
 * Publishes events over HTTP to the production server and measures how fast it accepts them
 * (stored before the 202), beside the same load on a bare route. The ceiling runs first: the
 * events' fan-outs keep the hub busy for a while after they are accepted.
 */
export async function benchmarkIngest(hubUrl: string, { events, concurrency, warmup }: IngestOptions): Promise<IngestResult> {
  const { org } = await createOrg("Bench ingest");
  const { token } = await createApiToken(org.id, ["events:write"]);
  const pool = new Pool(hubUrl, { connections: concurrency });
  try {
    phase(`ceiling: GET /api/health × ${events}, ${concurrency} in flight (after ${warmup} to warm up)`);
    await runLoad({ label: "warm-up", total: warmup, concurrency, send: healthCheck(pool), quiet: true });
    const ceiling = await runLoad({ label: "GET /api/health", total: events, concurrency, send: healthCheck(pool) });

    phase(`ingest: POST /api/v1/events × ${events}, ${concurrency} in flight (after ${warmup} to warm up)`);
    await runLoad({ label: "warm-up", total: warmup, concurrency, send: publish(pool, token, events), quiet: true });
    // Every warm-up event was answered, so stored, before this instant: what follows is the run's.
    const runStart = new Date();
    const ingest = await runLoad({ label: "POST /api/v1/events", total: events, concurrency, send: publish(pool, token, 0) });
    const ofTheRun = { orgId: org.id, createdAt: { gte: runStart } };
    const stored = await db.event.count({ where: ofTheRun });
    const dispatched = await db.event.count({ where: { ...ofTheRun, dispatchedAt: { not: null } } });
    if (stored !== events) throw new Error(`The hub accepted ${events} events but stored ${stored}.`);
    return { ingest, ceiling, stored, dispatched };
  } finally {
    await pool.close();
  }
}
