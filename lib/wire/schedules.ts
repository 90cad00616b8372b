import type { RetryScheduleName } from "@/lib/webhooks/presets";

export type { RetryScheduleName };

export interface RetryScheduleSpec {
  /** Wait before each retry, in order; empty for `custom`, whose delays belong to the webhook. */
  delaysMs: readonly number[];
  /** Each delay is spread uniformly over ±jitter of itself (0.2 = ±20%). */
  jitter: number;
  /** What happens to the webhook once every retry has failed. */
  whenExhausted: "disable" | "keep";
  description: string;
}

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/** "1 min → 5 min → 3 h": how a person reads a list of delays. */
export function formatDelays(delaysMs: readonly number[]): string {
  return delaysMs.map(formatDelay).join(" → ");
}

function formatDelay(ms: number): string {
  if (ms >= hour && ms % hour === 0) return `${ms / hour} h`;
  if (ms >= minute && ms % minute === 0) return `${ms / minute} min`;
  return `${ms / second} s`;
}

const codescoring = [1 * minute, 5 * minute, 30 * minute, 3 * hour, 12 * hour, 24 * hour, 48 * hour];
// Five retries spread so the last falls before the 36 h escalation (34 h 35 min after the first failure).
const scorecard = [5 * minute, 30 * minute, 2 * hour, 8 * hour, 24 * hour];
const standard = [5 * second, 5 * minute, 30 * minute, 2 * hour, 5 * hour, 10 * hour, 10 * hour];

export const retryScheduleSpecs: Record<RetryScheduleName, RetryScheduleSpec> = {
  codescoring: {
    delaysMs: codescoring,
    jitter: 0,
    whenExhausted: "disable",
    description: `${formatDelays(codescoring)}, then the webhook is disabled.`,
  },
  scorecard: {
    delaysMs: scorecard,
    jitter: 0,
    whenExhausted: "keep",
    description: `${scorecard.length} retries within 36 h (${formatDelays(scorecard)}), then the owner is emailed; the webhook stays enabled.`,
  },
  standard: {
    delaysMs: standard,
    jitter: 0.2,
    whenExhausted: "disable",
    description: `${formatDelays(standard)}, each ±20%, then the webhook is disabled.`,
  },
  custom: {
    delaysMs: [],
    jitter: 0,
    whenExhausted: "disable",
    description: "Your own list of delays, in seconds, then the webhook is disabled.",
  },
};

/**
 * How long to wait before the next retry, given how many retries have already been made; null
 * once the schedule is exhausted. `random` is injectable so jitter can be tested at its bounds.
 */
export function nextRetryDelayMs(
  schedule: RetryScheduleName,
  customDelaysSeconds: readonly number[],
  retriesDone: number,
  random: () => number = Math.random,
): number | null {
  if (!Number.isInteger(retriesDone) || retriesDone < 0)
    throw new RangeError(`retriesDone must be a whole number ≥ 0, got ${retriesDone}.`);
  const spec = retryScheduleSpecs[schedule];
  const delays = schedule === "custom" ? customDelaysSeconds.map((seconds) => seconds * second) : spec.delaysMs;
  const delay = delays[retriesDone];
  if (delay === undefined) return null;
  return Math.round(delay * (1 + spec.jitter * (2 * random() - 1)));
}
