import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Pool } from "undici";
import type { DeliveryMode } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { cpuSnapshot, cpuSpent, type CpuSnapshot } from "@/scripts/bench/process-cpu";
import { runLoad, type Measurement } from "@/scripts/bench/load";
import { percentile } from "@/scripts/bench/percentile";
import { phase } from "@/scripts/bench/progress";
import type { CountingReceiver } from "@/scripts/bench/receiver";
import { createActiveWebhook, createApiToken, createOrg } from "@/test/factories";

export interface EngineRunOptions {
  mode: DeliveryMode;
  webhooks: number;
  events: number;
  /** Batched mode: events per request. */
  batchSize: number;
}

export interface EngineResult extends EngineRunOptions {
  /** Requests the receiver got, and the events they carried. */
  requests: number;
  eventDeliveries: number;
  durationMs: number;
  requestsPerSecond: number;
  eventDeliveriesPerSecond: number;
  cpu: CpuSnapshot;
  /** Hub and Postgres CPU per request delivered. */
  cpuMsPerRequest: number;
  /** Single mode: the same bodies as raw undici POSTs at the engine's concurrency. */
  ceiling: Measurement | null;
}

export interface LatencyResult {
  samples: number;
  p50Ms: number;
  p95Ms: number;
}

// The most requests the engine has in flight: each webhook's run sends this many at once.
const sendsPerWebhook = 16;

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const eventsPerPublish = 1000;
const publishesInFlight = 4;

/** The engine's input, through the API as a producer sends it: batches of 1,000 events, 4 requests in flight. */
async function publishEvents(hubUrl: string, token: string, count: number) {
  const requests = Math.ceil(count / eventsPerPublish);
  const batch = (index: number) =>
    Array.from({ length: Math.min(eventsPerPublish, count - index * eventsPerPublish) }, (_, n) => ({
      type: "project_sca_analysis_finished",
      payload: { project_id: 42, project_name: "payments-service", sequence: index * eventsPerPublish + n },
    }));
  await runLoad({
    label: "publish",
    total: requests,
    concurrency: publishesInFlight,
    quiet: true,
    send: (index) => publishOne(hubUrl, token, batch(index)),
  });
}

/** One event (a payload) or a batch (an array of events). */
async function publishOne(hubUrl: string, token: string, body: Record<string, unknown> | unknown[]) {
  const response = await fetch(`${hubUrl}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(Array.isArray(body) ? body : { type: "project_sca_analysis_finished", payload: body }),
  });
  if (response.status !== 202)
    throw new Error(`POST /api/v1/events answered ${response.status}: ${await response.text()}`);
}

/** The bodies the hub sent, POSTed again without the hub at the engine's concurrency: the machine's ceiling. */
async function rawCeiling(
  receiverUrl: string,
  orgId: string,
  concurrency: number,
  count: number,
): Promise<Measurement> {
  const bodies = await db.attempt.findMany({ where: { orgId }, select: { requestBody: true }, take: count });
  const { origin, pathname } = new URL(receiverUrl);
  const pool = new Pool(origin, { connections: concurrency });
  const post = async (index: number) => {
    const response = await pool.request({
      path: pathname,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: bodies[index]!.requestBody,
    });
    await response.body.dump();
    if (response.statusCode !== 200) throw new Error(`the receiver answered ${response.statusCode}`);
  };
  try {
    await runLoad({ label: "warm-up", total: Math.min(200, bodies.length), concurrency, send: post, quiet: true });
    return await runLoad({ label: "raw undici POST", total: bodies.length, concurrency, send: post });
  } finally {
    await pool.close();
  }
}

/**
 * The whole engine, end to end, against the production build: `events` events published through
 * the API fan out to `webhooks` webhooks on a loopback receiver (the batch publish with its
 * fan-out, the per-webhook runs through the executor and /api/inngest, signing, sending,
 * recording), timed from the first publish until the receiver has every request; CPU of the hub's
 * processes and of Postgres beside it.
 */
export async function benchmarkEngine(
  hub: { url: string; processGroup: number },
  receiver: CountingReceiver,
  options: EngineRunOptions,
): Promise<EngineResult> {
  const { mode, webhooks, events, batchSize } = options;
  phase(`engine (${mode}): ${events} events to ${webhooks} webhooks — setting up`);
  const { org } = await createOrg(`Bench engine ${mode}`);
  const { token } = await createApiToken(org.id, ["events:write"]);
  for (let index = 0; index < webhooks; index++) {
    await createActiveWebhook(org.id, receiver.url, {
      deliveryMode: mode,
      batchMaxSize: batchSize,
      batchWindowMs: 1000,
      secret: `whsec_${randomBytes(24).toString("base64")}`,
    });
  }
  // Warm the hub's pools and JIT with a few events first.
  await publishOne(hub.url, token, { warmup: true });
  const warm = receiver.received();
  await until(() => receiver.received() - warm >= 0 && receiver.received() >= webhooks, 60_000, "the warm-up event");
  await until(
    async () => (await db.delivery.count({ where: { orgId: org.id, status: { not: "succeeded" } } })) === 0,
    60_000,
    "the warm-up deliveries to be recorded",
  );

  const expectedEvents = events * webhooks;
  const requestsBefore = receiver.received();
  const eventsBefore = receiver.events();
  phase(
    `engine (${mode}): publishing ${events} events in batches of ${eventsPerPublish}; waiting for ${expectedEvents} event deliveries`,
  );
  const cpuBefore = await cpuSnapshot(hub.processGroup);
  const started = performance.now();
  await publishEvents(hub.url, token, events);
  await until(() => receiver.events() - eventsBefore >= expectedEvents, 600_000, "every event to reach the receiver");
  const durationMs = performance.now() - started;
  const cpu = cpuSpent(cpuBefore, await cpuSnapshot(hub.processGroup));
  const requests = receiver.received() - requestsBefore;
  const eventDeliveries = receiver.events() - eventsBefore;
  // The runs record a round after its sends: wait for the record so the next section starts quiet.
  await until(
    async () => (await db.delivery.count({ where: { orgId: org.id, status: { not: "succeeded" } } })) === 0,
    120_000,
    "every delivery to be recorded",
  );

  const ceiling =
    mode === "single" ? await rawCeiling(receiver.url, org.id, webhooks * sendsPerWebhook, requests) : null;
  return {
    ...options,
    requests,
    eventDeliveries,
    durationMs,
    requestsPerSecond: (requests / durationMs) * 1000,
    eventDeliveriesPerSecond: (eventDeliveries / durationMs) * 1000,
    cpu,
    cpuMsPerRequest: (cpu.hubMs + cpu.postgresMs) / requests,
    ceiling,
  };
}

/** An idle hub: one event at a time, from the publish request to its arrival at the receiver. */
export async function benchmarkIdleLatency(
  hub: { url: string },
  receiver: CountingReceiver,
  samples: number,
): Promise<LatencyResult> {
  phase(`publish → receiver on an idle hub: ${samples} events, one at a time`);
  const { org } = await createOrg("Bench latency");
  const { token } = await createApiToken(org.id, ["events:write"]);
  await createActiveWebhook(org.id, receiver.url, { secret: `whsec_${randomBytes(24).toString("base64")}` });
  const latencies: number[] = [];
  for (let index = 0; index < samples + 5; index++) {
    const before = receiver.received();
    const started = performance.now();
    await publishOne(hub.url, token, { sequence: index });
    await until(() => receiver.received() > before, 30_000, "the event to arrive");
    // The first few warm the path up.
    if (index >= 5) latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  latencies.sort((a, b) => a - b);
  return { samples, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
}
