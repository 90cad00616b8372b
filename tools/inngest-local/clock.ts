/** The executor's sense of time: the wall clock in dev, or a virtual clock that tests move by hand. */
export interface Clock {
  readonly kind: "real" | "virtual";
  now(): Date;
  /** Virtual clocks only: jump to `time` (never backwards). */
  set(time: Date): void;
}

export function realClock(): Clock {
  return {
    kind: "real",
    now: () => new Date(),
    set: () => {
      throw new Error('The real clock cannot be moved; start the executor with clock: "virtual".');
    },
  };
}

export function virtualClock(start: Date): Clock {
  let current = start.getTime();
  return {
    kind: "virtual",
    now: () => new Date(current),
    set: (time) => {
      current = Math.max(current, time.getTime());
    },
  };
}
