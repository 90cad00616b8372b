import { describe, expect, it } from "vitest";
import {
  emptyRunState,
  requestedStep,
  settleDueSleeps,
  transition,
  type RunState,
} from "@/tools/inngest-local/run-state";

const now = new Date("2026-01-01T00:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("transition", () => {
  it("lets a run reach exactly 1,000 steps, and fails the one that goes past them", () => {
    const memoized = (count: number): RunState => {
      const ids = Array.from({ length: count }, (_, index) => `s${index}`);
      return {
        steps: Object.fromEntries(ids.map((id) => [id, { type: "data", data: 1 }])),
        stack: ids,
        pending: [],
        attempt: 0,
      };
    };
    expect(
      transition(memoized(999), { kind: "ops", ops: [{ id: "last", op: "StepRun", data: 1 }] }, now, 4),
    ).toMatchObject({ kind: "continue" });
    expect(
      transition(memoized(1000), { kind: "ops", ops: [{ id: "one more", op: "StepRun", data: 1 }] }, now, 4),
    ).toMatchObject({
      kind: "failed",
      error: { name: "StepLimitExceeded" },
    });
  });

  it("memoizes a step that ran and asks for discovery next", () => {
    const next = transition(
      emptyRunState(),
      { kind: "ops", ops: [{ id: "a", op: "StepRun", data: { n: 1 } }] },
      now,
      4,
    );
    expect(next).toEqual({
      kind: "continue",
      state: { steps: { a: { type: "data", data: { n: 1 } } }, stack: ["a"], pending: [], attempt: 0 },
      wakeAt: now,
      sleeping: false,
    });
  });

  it("plans parallel steps one by one, then waits for a sleep", () => {
    const planned = transition(
      emptyRunState(),
      {
        kind: "ops",
        ops: [
          { id: "a", op: "StepPlanned" },
          { id: "nap", op: "Sleep", name: "1h" },
        ],
      },
      now,
      4,
    );
    expect(planned.kind === "continue" && requestedStep(planned.state)).toBe("a");
    const ran = transition(planned.state, { kind: "ops", ops: [{ id: "a", op: "StepRun", data: 1 }] }, now, 4);
    expect(ran).toMatchObject({ kind: "continue", sleeping: true, wakeAt: later(3_600_000) });
    expect(requestedStep(ran.state)).toBeNull();
    const woken = settleDueSleeps(ran.state, later(3_600_000));
    expect(woken).toMatchObject({
      steps: { a: { type: "data", data: 1 }, nap: { type: "data", data: null } },
      stack: ["a", "nap"],
      pending: [],
    });
  });

  it("retries a step error after a backoff that grows, and gives up at max attempts", () => {
    const error = { name: "Error", message: "boom" };
    const first = transition(emptyRunState(), { kind: "ops", ops: [{ id: "a", op: "StepError", error }] }, now, 3);
    expect(first).toMatchObject({ kind: "continue", wakeAt: later(10_000), state: { attempt: 1, steps: {} } });
    const second = transition(first.state, { kind: "ops", ops: [{ id: "a", op: "StepError", error }] }, now, 3);
    expect(second).toMatchObject({ kind: "continue", wakeAt: later(20_000), state: { attempt: 2 } });
    expect(transition(second.state, { kind: "error", error, retriable: true }, now, 3)).toMatchObject({
      kind: "failed",
      error,
    });
  });

  it("memoizes a step that failed for good, so the function sees the error, and resets the attempt", () => {
    const state: RunState = { ...emptyRunState(), attempt: 2 };
    const next = transition(
      state,
      { kind: "ops", ops: [{ id: "a", op: "StepFailed", error: { message: "gone" } }] },
      now,
      3,
    );
    expect(next).toMatchObject({
      kind: "continue",
      wakeAt: now,
      state: { attempt: 0, steps: { a: { type: "error", error: { message: "gone" } } } },
    });
  });

  it("honours Retry-After, ends on non-retriable errors and completion", () => {
    expect(
      transition(emptyRunState(), { kind: "error", error: {}, retriable: true, retryAfter: "60" }, now, 4),
    ).toMatchObject({ wakeAt: later(60_000) });
    expect(
      transition(emptyRunState(), { kind: "error", error: { message: "no" }, retriable: false }, now, 4),
    ).toMatchObject({ kind: "failed" });
    expect(transition(emptyRunState(), { kind: "completed", output: 5 }, now, 4)).toMatchObject({
      kind: "completed",
      output: 5,
    });
    expect(
      transition(emptyRunState(), { kind: "ops", ops: [{ id: "x", op: "RunComplete", data: 6 }] }, now, 4),
    ).toMatchObject({ kind: "completed", output: 6 });
  });

  it("fails runs that use ops it does not implement", () => {
    const next = transition(
      emptyRunState(),
      { kind: "ops", ops: [{ id: "w", op: "WaitForEvent", displayName: "wait for approval" }] },
      now,
      4,
    );
    expect(next).toMatchObject({
      kind: "failed",
      error: { message: 'The local Inngest executor does not support WaitForEvent (step "wait for approval").' },
    });
  });
});

describe("an app that is not listening", () => {
  it("is waited for without spending an attempt", () => {
    const state: RunState = { ...emptyRunState(), attempt: 2 };
    expect(transition(state, { kind: "unreachable" }, now, 3)).toEqual({
      kind: "continue",
      state,
      wakeAt: later(10_000),
      sleeping: false,
    });
  });
});
