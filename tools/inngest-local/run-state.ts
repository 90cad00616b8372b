import { retryAfterTime, retryBackoffMs, sleepEnd } from "@/tools/inngest-local/durations";
import { inngestLimits, jsonBytes } from "@/tools/inngest-local/limits";
import type { Op } from "@/tools/inngest-local/protocol";

/**
 * A run's durable progress and the pure rules that move it along: which call to make next, and
 * what a call's answer does to the run. The store persists this state; nothing here does I/O.
 */

/** A step's memoized outcome, in the shape the SDK reads back from `steps`. */
export type MemoizedStep = { type: "data"; data: unknown } | { type: "error"; error: unknown };

/** Work the SDK asked for that has not finished: a planned step to call, or a sleep to wait out. */
export type PendingOp = { kind: "step"; id: string } | { kind: "sleep"; id: string; until: string };

export interface RunState {
  steps: Record<string, MemoizedStep>;
  /** Memoized step ids in completion order (the SDK's `ctx.stack`). */
  stack: string[];
  pending: PendingOp[];
  /** Attempt number of the current step or call, 0-based; reset whenever the run makes progress. */
  attempt: number;
}

/** What one call to the app's serve endpoint answered; "unreachable" when nothing listened there. */
export type CallResult =
  | { kind: "completed"; output: unknown }
  | { kind: "ops"; ops: Op[]; retryAfter?: string }
  | { kind: "error"; error: unknown; retriable: boolean; retryAfter?: string }
  | { kind: "unreachable" };

export type Transition =
  | { kind: "continue"; state: RunState; wakeAt: Date; sleeping: boolean }
  | { kind: "completed"; state: RunState; output: unknown }
  | { kind: "failed"; state: RunState; error: unknown };

export const emptyRunState = (): RunState => ({ steps: {}, stack: [], pending: [], attempt: 0 });

function memoize(state: RunState, id: string, outcome: MemoizedStep): RunState {
  return {
    ...state,
    steps: { ...state.steps, [id]: outcome },
    stack: state.stack.includes(id) ? state.stack : [...state.stack, id],
    pending: state.pending.filter((op) => op.id !== id),
  };
}

function addPending(state: RunState, op: PendingOp): RunState {
  if (state.steps[op.id] || state.pending.some((existing) => existing.id === op.id)) return state;
  return { ...state, pending: [...state.pending, op] };
}

/** Sleeps whose time has come count as finished steps (data null), as Inngest reports them. */
export function settleDueSleeps(state: RunState, now: Date): RunState {
  return state.pending.reduce(
    (next, op) =>
      op.kind === "sleep" && new Date(op.until) <= now ? memoize(next, op.id, { type: "data", data: null }) : next,
    state,
  );
}

/** The planned step to ask for by id, or null to let the SDK discover (and run) the next step itself. */
export function requestedStep(state: RunState): string | null {
  return state.pending.find((op) => op.kind === "step")?.id ?? null;
}

/** Runnable again now if a step is planned or nothing is pending; otherwise asleep until the first sleep ends. */
function schedule(state: RunState, now: Date): Transition {
  const sleeps = state.pending.flatMap((op) => (op.kind === "sleep" ? [new Date(op.until).getTime()] : []));
  if (requestedStep(state) !== null || sleeps.length === 0)
    return { kind: "continue", state, wakeAt: now, sleeping: false };
  return { kind: "continue", state, wakeAt: new Date(Math.min(...sleeps)), sleeping: true };
}

function retry(
  state: RunState,
  error: unknown,
  retryAfter: string | undefined,
  now: Date,
  maxAttempts: number,
): Transition {
  const attempt = state.attempt + 1;
  if (attempt >= maxAttempts) return { kind: "failed", state, error };
  const wakeAt = (retryAfter && retryAfterTime(retryAfter, now)) || new Date(now.getTime() + retryBackoffMs(attempt));
  return { kind: "continue", state: { ...state, attempt }, wakeAt, sleeping: false };
}

function unsupported(state: RunState, op: Op): Transition {
  const step = op.displayName ?? op.name ?? op.id;
  return {
    kind: "failed",
    state,
    error: { name: "Error", message: `The local Inngest executor does not support ${op.op} (step "${step}").` },
  };
}

const overLimit = (state: RunState, name: string, message: string): Transition => ({
  kind: "failed",
  state,
  error: { name, message },
});

/** A run that went past one of Inngest's limits fails, as it would on Inngest; null while it fits. */
function limitBreach(state: RunState): Transition | null {
  const steps = state.stack.length + state.pending.length;
  if (steps > inngestLimits.stepsPerRun) {
    return overLimit(
      state,
      "StepLimitExceeded",
      `The run reached ${steps} steps; Inngest allows at most ${inngestLimits.stepsPerRun} steps per run.`,
    );
  }
  const bytes = jsonBytes(state.steps);
  if (bytes > inngestLimits.runStateBytes)
    return overLimit(
      state,
      "StateTooLarge",
      `The run's state is ${bytes} bytes; Inngest allows at most ${inngestLimits.runStateBytes}.`,
    );
  return null;
}

function applyOps(
  state: RunState,
  ops: Op[],
  retryAfter: string | undefined,
  now: Date,
  maxAttempts: number,
): Transition {
  let next = state;
  let stepError: Op | undefined;
  for (const op of ops) {
    switch (op.op) {
      case "StepRun":
      case "Step": {
        const bytes = jsonBytes(op.data);
        if (bytes > inngestLimits.stepOutputBytes) {
          return overLimit(
            next,
            "OutputTooLarge",
            `Step "${op.displayName ?? op.id}" returned ${bytes} bytes; Inngest allows at most ${inngestLimits.stepOutputBytes} per step.`,
          );
        }
        next = memoize(next, op.id, { type: "data", data: op.data ?? null });
        break;
      }
      case "StepFailed":
        next = memoize(next, op.id, { type: "error", error: op.error });
        break;
      case "StepError":
        stepError = op;
        break;
      case "StepPlanned":
        next = addPending(next, { kind: "step", id: op.id });
        break;
      case "Sleep": {
        const until = sleepEnd(op.name ?? "", now);
        if (until.getTime() - now.getTime() > inngestLimits.sleepMs) {
          return overLimit(
            next,
            "SleepTooLong",
            `Step "${op.displayName ?? op.id}" sleeps until ${until.toISOString()}; Inngest sleeps for at most a year.`,
          );
        }
        next = addPending(next, { kind: "sleep", id: op.id, until: until.toISOString() });
        break;
      }
      case "RunComplete":
        return { kind: "completed", state: next, output: op.data ?? null };
      case "DeferAdd":
      case "DeferAbort":
        break;
      default:
        return unsupported(next, op);
    }
  }
  const breach = limitBreach(next);
  if (breach) return breach;
  if (stepError) return retry(next, stepError.error, retryAfter, now, maxAttempts);
  return schedule({ ...next, attempt: 0 }, now);
}

/** How long a run waits for an app that is not listening (still starting, or restarting). */
export const unreachableRetryMs = 10_000;

/** What a call's answer does to the run. */
export function transition(state: RunState, result: CallResult, now: Date, maxAttempts: number): Transition {
  if (result.kind === "completed") return { kind: "completed", state, output: result.output };
  // Nothing ran, so no attempt is spent: runs wait out an app that is booting or restarting.
  if (result.kind === "unreachable")
    return { kind: "continue", state, wakeAt: new Date(now.getTime() + unreachableRetryMs), sleeping: false };
  if (result.kind === "error") {
    if (!result.retriable) return { kind: "failed", state, error: result.error };
    return retry(state, result.error, result.retryAfter, now, maxAttempts);
  }
  if (result.ops.length === 0)
    return retry(state, { name: "Error", message: "The app answered 206 with no ops." }, undefined, now, maxAttempts);
  return applyOps(state, result.ops, result.retryAfter, now, maxAttempts);
}
