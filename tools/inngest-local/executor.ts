import { realClock, virtualClock } from "@/tools/inngest-local/clock";
import { createPool, ensureSchema, inTransaction } from "@/tools/inngest-local/database";
import { ingestEvents } from "@/tools/inngest-local/ingest";
import { fetchRegistration } from "@/tools/inngest-local/invoke";
import { listFunctions } from "@/tools/inngest-local/functions-store";
import { incomingEventSchema, type Registration } from "@/tools/inngest-local/protocol";
import { register } from "@/tools/inngest-local/registration";
import { listRuns, type RunFilter, type RunSummary } from "@/tools/inngest-local/runs-store";
import { Scheduler, type SchedulerHealth } from "@/tools/inngest-local/scheduler";
import { startEventServer } from "@/tools/inngest-local/server";
import { generateEventKey, generateSigningKey } from "@/tools/inngest-local/signing";

export type { RunStatus, RunSummary } from "@/tools/inngest-local/runs-store";

export interface LocalInngestOptions {
  /** The app's serve endpoint, e.g. http://127.0.0.1:3000/api/inngest */
  serveUrl: string;
  /** State lives in this database's schema inngest_local. */
  databaseUrl: string;
  /** Event API and /fn/register; 0 = ephemeral; default 8288 (the Inngest dev server's). */
  port?: number;
  /** "real" (default) runs by itself; "virtual" runs only on drain() and advance(). */
  clock?: "real" | "virtual";
  /** Where the virtual clock starts; default now. */
  virtualStart?: Date;
  log?: (message: string) => void;
  /** Signs every call to the app and authorizes `/fn/register`; generated when not given (`signkey-<env>-<hex>`). */
  signingKey?: string;
  /** The only key `/e/<key>` accepts; generated when not given. */
  eventKey?: string;
  /** Real clock: calls in flight at once (default 32). */
  concurrency?: number;
  /** Real clock: the watchdog logs a run due for longer than this without starting (default 30 s). */
  stallAfterMs?: number;
  /** How long a run stays with the executor that took it without a renewal; another executor takes it over after (default 30 s). */
  runLeaseMs?: number;
}

export interface LocalInngest {
  /** The app's client runs in cloud mode against this: its baseUrl (INNGEST_BASE_URL). */
  url: string;
  /** The app's INNGEST_SIGNING_KEY: the executor signs with it and the app verifies. */
  signingKey: string;
  /** The app's INNGEST_EVENT_KEY. */
  eventKey: string;
  now(): Date;
  /** (Re)learn the app's functions from its serve endpoint. */
  sync(): Promise<void>;
  send(events: { name: string; data: unknown; id?: string; ts?: number }[]): Promise<void>;
  /** Run until nothing is runnable at the current time. */
  drain(): Promise<void>;
  /** Virtual clock only: move time forward, firing due sleeps, crons and retries in time order, draining at each. */
  advance(ms: number): Promise<void>;
  /** Calls in flight and the oldest due run not yet started (also `GET /health` on the event API). */
  health(): Promise<SchedulerHealth>;
  /** Runs, oldest first; functionId is the full id ("webhook-hub-deliver") or the short one ("deliver"). */
  runs(filter?: RunFilter): Promise<RunSummary[]>;
  stop(): Promise<void>;
}

/** By default a lease this long outlives any healthy executor's renewals (every third of it); a dead one's runs are taken over after it. */
export const runLeaseMs = 30_000;
// The deadline of one call to the app: a step that hangs past it is retried, like a step timeout on Inngest.
const callTimeoutMs = 5 * 60_000;
const safetyPollMs = 5_000;
// Calls in flight at once on the real clock; a slow step holds one of them, not the scheduler.
const realClockConcurrency = 32;
const defaultStallAfterMs = 30_000;

/**
 * A local stand-in for the Inngest dev server: stores events, runs and schedules in Postgres and
 * drives the app's functions through its serve endpoint over the Inngest HTTP protocol.
 * See docs/local-inngest.md.
 */
export async function startLocalInngest(options: LocalInngestOptions): Promise<LocalInngest> {
  const clock = options.clock === "virtual" ? virtualClock(options.virtualStart ?? new Date()) : realClock();
  const log = options.log ?? (() => undefined);
  const keys = {
    signingKey: options.signingKey ?? generateSigningKey(),
    eventKey: options.eventKey ?? generateEventKey(),
  };
  const pool = createPool(options.databaseUrl, log, 10);
  await ensureSchema(pool);
  const scheduler = new Scheduler({
    pool,
    clock,
    log,
    leaseMs: options.runLeaseMs ?? runLeaseMs,
    callTimeoutMs,
    safetyPollMs,
    stallAfterMs: options.stallAfterMs ?? defaultStallAfterMs,
    concurrency: clock.kind === "virtual" ? 1 : (options.concurrency ?? realClockConcurrency),
    signingKey: keys.signingKey,
  });

  async function ingest(events: unknown[]): Promise<string[]> {
    const valid = events.map((event) => incomingEventSchema.parse(event));
    const ids = await inTransaction(pool, (tx) => ingestEvents(tx, valid, clock.now()));
    scheduler.wake();
    return ids;
  }

  async function registerApp(registration: Registration): Promise<void> {
    await inTransaction(pool, (tx) => register(tx, registration, clock.now()));
    log(`registered ${registration.functions.length} functions of ${registration.appId} at ${registration.url}`);
    scheduler.wake();
  }

  const describe = async () => ({
    executor: "inngest-local",
    clock: clock.kind,
    now: clock.now(),
    functions: (await listFunctions(pool)).map((fn) => fn.id),
  });
  const server = await startEventServer(
    { ingest, register: registerApp, describe, health: () => scheduler.health() },
    keys,
    options.port ?? 8288,
    log,
  ).catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  // Runs left by an earlier process resume now (their leases permitting).
  scheduler.start();

  return {
    url: server.url,
    ...keys,
    now: () => clock.now(),
    async sync() {
      const registration = await fetchRegistration(options.serveUrl, keys.signingKey);
      if (registration) await registerApp(registration);
    },
    async send(events) {
      await ingest(events);
    },
    drain: () => scheduler.drain(),
    health: () => scheduler.health(),
    advance: (ms) => scheduler.advance(ms),
    runs: (filter) => listRuns(pool, filter),
    async stop() {
      await scheduler.stop();
      await server.close();
      await pool.end();
    },
  };
}
