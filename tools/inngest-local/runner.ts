import type pg from "pg";
import type { Clock } from "@/tools/inngest-local/clock";
import { inTransaction } from "@/tools/inngest-local/database";
import { ingestEvents } from "@/tools/inngest-local/ingest";
import { CallAbandoned, callFunction } from "@/tools/inngest-local/invoke";
import { functionRuntime, internalEvents } from "@/tools/inngest-local/protocol";
import {
  requestedStep,
  settleDueSleeps,
  transition,
  type RunState,
  type Transition,
} from "@/tools/inngest-local/run-state";
import {
  extendLease,
  releaseLease,
  saveProgress,
  type ClaimedRun,
  type Progress,
} from "@/tools/inngest-local/runs-store";

export interface RunnerContext {
  pool: pg.Pool;
  clock: Clock;
  log: (message: string) => void;
  leaseMs: number;
  callTimeoutMs: number;
  stopSignal: AbortSignal;
  /** Signs every call to the app; the app's answers must carry its signature. */
  signingKey: string;
}

const errorMessage = (error: unknown) =>
  error && typeof error === "object" && "message" in error ? String(error.message) : JSON.stringify(error);

function progressOf(next: Transition, now: Date): Progress {
  if (next.kind === "completed") return { status: "completed", state: next.state, output: next.output, endedAt: now };
  if (next.kind === "failed") return { status: "failed", state: next.state, error: next.error, endedAt: now };
  return { status: next.sleeping ? "sleeping" : "running", state: next.state, wakeAt: next.wakeAt };
}

/** A line for the log when a run ends, sleeps or waits to retry; ordinary progress, and a cron run that went well, stay quiet. */
function describe(run: ClaimedRun, next: Transition, now: Date): string | null {
  const subject = `run ${run.id} of ${run.functionId}`;
  if (next.kind === "completed")
    return run.event.name === internalEvents.scheduledTimer ? null : `${subject} completed`;
  if (next.kind === "failed") return `${subject} failed: ${errorMessage(next.error)}`;
  if (next.sleeping) return `${subject} sleeps until ${next.wakeAt.toISOString()}`;
  if (next.wakeAt > now)
    return `${subject} retries (attempt ${next.state.attempt + 1}) at ${next.wakeAt.toISOString()}`;
  return null;
}

/** While a call is in flight on the wall clock, renew the lease so no other executor takes the run over. */
function keepLeaseAlive(context: RunnerContext, run: ClaimedRun): () => void {
  if (context.clock.kind !== "real") return () => undefined;
  const timer = setInterval(() => {
    extendLease(context.pool, run, new Date(context.clock.now().getTime() + context.leaseMs)).catch((error: unknown) =>
      context.log(`renewing the lease of run ${run.id} failed: ${errorMessage(error)}`),
    );
  }, context.leaseMs / 3);
  timer.unref();
  return () => clearInterval(timer);
}

async function nextTransition(context: RunnerContext, run: ClaimedRun, state: RunState): Promise<Transition | null> {
  if (!run.config)
    return {
      kind: "failed",
      state,
      error: { name: "Error", message: `Function "${run.functionId}" is no longer registered.` },
    };
  const { url, maxAttempts } = functionRuntime(run.config);
  const stopLeaseRenewal = keepLeaseAlive(context, run);
  try {
    const result = await callFunction({
      url,
      runId: run.id,
      event: run.event,
      state,
      stepId: requestedStep(state),
      maxAttempts,
      timeoutMs: context.callTimeoutMs,
      stopSignal: context.stopSignal,
      signingKey: context.signingKey,
    });
    return transition(state, result, context.clock.now(), maxAttempts);
  } catch (error) {
    if (error instanceof CallAbandoned) return null;
    // An answer the rules cannot apply (say, a sleep with an unreadable duration) ends the run.
    return { kind: "failed", state, error: { name: "Error", message: errorMessage(error) } };
  } finally {
    stopLeaseRenewal();
  }
}

const failureEvent = (run: ClaimedRun, error: unknown) => ({
  name: internalEvents.functionFailed,
  data: { function_id: run.functionId, run_id: run.id, error, event: run.event },
});

/** Makes one call for a leased run and records what it did; a failed run announces inngest/function.failed (onFailure). */
export async function advanceRun(context: RunnerContext, run: ClaimedRun): Promise<void> {
  const state = settleDueSleeps(run.state, context.clock.now());
  const next = await nextTransition(context, run, state);
  if (!next) {
    await releaseLease(context.pool, run);
    return;
  }
  const now = context.clock.now();
  const saved = await inTransaction(context.pool, async (tx) => {
    if (!(await saveProgress(tx, run, progressOf(next, now)))) return false;
    if (next.kind === "failed") await ingestEvents(tx, [failureEvent(run, next.error)], now);
    return true;
  });
  const line = saved
    ? describe(run, next, now)
    : `run ${run.id} of ${run.functionId} was cancelled or taken over meanwhile; its result is dropped`;
  if (line) context.log(line);
}
