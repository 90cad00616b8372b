import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DeadlineExceeded, withDeadline } from "@/lib/observability/deadline";
import { engineLag, type EngineLag } from "@/lib/observability/engine-lag";
import { logger } from "@/lib/observability/logger";

const databaseDeadlineMs = 2_000;

export interface Readiness {
  status: "ready" | "unready";
  database: { ok: boolean; latencyMs: number | null };
  engine: { ok: boolean; thresholdMs: number } & { [Age in keyof EngineLag]: number | null };
  /** Why the instance is unready, in words; empty when ready. */
  problems: string[];
}

function describeFailure(error: unknown, what: string): string {
  if (error instanceof DeadlineExceeded) return error.message;
  logger.warn({ err: error }, `${what} failed during the readiness check`);
  return `${what} failed; the log has the error.`;
}

async function measureDatabase(): Promise<{ latencyMs: number } | { problem: string }> {
  const started = performance.now();
  try {
    await withDeadline(db.$queryRaw`SELECT 1`, databaseDeadlineMs, "The database");
    return { latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { problem: describeFailure(error, "The database") };
  }
}

async function measureEngine(
  thresholdMs: number,
): Promise<{ lag: EngineLag; problems: string[] } | { problem: string }> {
  let lag: EngineLag;
  try {
    lag = await withDeadline(engineLag(), databaseDeadlineMs, "The engine lag query");
  } catch (error) {
    return { problem: describeFailure(error, "The engine lag query") };
  }
  const seconds = (ms: number) => Math.round(ms / 1000);
  const problems: string[] = [];
  if (lag.oldestUndispatchedEventAgeMs > thresholdMs) {
    problems.push(
      `The oldest event not yet handed to the engine is ${seconds(lag.oldestUndispatchedEventAgeMs)} s old (threshold ${seconds(thresholdMs)} s).`,
    );
  }
  // A webhook's backlog its run is working through is its receiver's pace, whoever's it is; only
  // due work no run is on says this engine is behind (oldestDueDeliveryAgeMs is reported, not judged).
  if (lag.oldestUnattendedDeliveryAgeMs > thresholdMs) {
    problems.push(
      `The oldest due delivery no run is working on has waited ${seconds(lag.oldestUnattendedDeliveryAgeMs)} s past its attempt time (threshold ${seconds(thresholdMs)} s).`,
    );
  }
  return { lag, problems };
}

const unmeasured: { [Age in keyof EngineLag]: null } = {
  oldestUndispatchedEventAgeMs: null,
  oldestDueDeliveryAgeMs: null,
  oldestUnattendedDeliveryAgeMs: null,
};

/** Ready means: the database answers within its deadline and the engine is not behind by more than the threshold. */
export async function checkReadiness(): Promise<Readiness> {
  const thresholdMs = env.ENGINE_LAG_THRESHOLD_SECONDS * 1000;
  const database = await measureDatabase();
  if ("problem" in database) {
    return {
      status: "unready",
      database: { ok: false, latencyMs: null },
      engine: { ok: false, thresholdMs, ...unmeasured },
      problems: [database.problem],
    };
  }
  const engine = await measureEngine(thresholdMs);
  const problems = "problem" in engine ? [engine.problem] : engine.problems;
  const lag = "lag" in engine ? engine.lag : unmeasured;
  return {
    status: problems.length === 0 ? "ready" : "unready",
    database: { ok: true, latencyMs: database.latencyMs },
    engine: { ok: problems.length === 0, thresholdMs, ...lag },
    problems,
  };
}
