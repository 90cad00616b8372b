import { randomUUID } from "node:crypto";
import { nextCronTime } from "@/lib/inngest-local/cron";
import { inTransaction } from "@/lib/inngest-local/database";
import { claimDueCron, nextCronAt, rescheduleCron } from "@/lib/inngest-local/crons-store";
import { internalEvents } from "@/lib/inngest-local/protocol";
import { advanceRun, type RunnerContext } from "@/lib/inngest-local/runner";
import { claimRun, insertRun, nextRunDueAt } from "@/lib/inngest-local/runs-store";

export interface SchedulerOptions extends Omit<RunnerContext, "stopSignal"> {
  /** Runs advanced at once. The virtual clock uses 1, so tests see one deterministic order. */
  concurrency: number;
  /** Real clock: look at the database at least this often, for work another executor added. */
  safetyPollMs: number;
}

/**
 * Drives runs forward: fires due crons, then claims and advances due runs until none is left. On
 * the real clock it wakes itself (on events, at the next due time, and on a slow poll); on the
 * virtual clock it runs only when told to, and `advance` walks time from one due moment to the next.
 */
export class Scheduler {
  private readonly stopController = new AbortController();
  private readonly context: RunnerContext;
  private tail: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private wakeTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SchedulerOptions) {
    this.context = { ...options, stopSignal: this.stopController.signal };
  }

  private get stopped() {
    return this.stopController.signal.aborted;
  }

  /** Runs until nothing is due at the current time. Calls made while a drain runs share the next one. */
  drain(): Promise<void> {
    if (this.queued) return this.queued;
    const queued = this.tail
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.drainNow();
      });
    this.queued = queued;
    this.tail = queued;
    return queued;
  }

  /** Real clock: drain soon, logging rather than throwing. */
  wake(): void {
    if (this.options.clock.kind !== "real" || this.stopped) return;
    this.drain().catch((error: unknown) => this.options.log(`scheduler error: ${error instanceof Error ? error.message : String(error)}`));
  }

  async advance(ms: number): Promise<void> {
    const { clock } = this.options;
    if (clock.kind !== "virtual") throw new Error("advance() needs the virtual clock (clock: \"virtual\").");
    const target = new Date(clock.now().getTime() + ms);
    await this.drain();
    for (;;) {
      const due = await this.nextDueAt();
      // Nothing due after a drain can only be due later; a due time not in the future means work we cannot claim.
      if (!due || due > target || due <= clock.now()) break;
      clock.set(due);
      await this.drain();
    }
    clock.set(target);
    await this.drain();
  }

  async stop(): Promise<void> {
    this.stopController.abort();
    clearTimeout(this.wakeTimer);
    await this.tail.catch(() => undefined);
  }

  private async drainNow(): Promise<void> {
    try {
      while (!this.stopped) {
        const fired = await this.fireDueCrons();
        const advanced = await this.advanceDueRuns();
        if (fired + advanced === 0) break;
      }
    } finally {
      this.scheduleWake();
    }
  }

  private async fireDueCrons(): Promise<number> {
    let fired = 0;
    while (!this.stopped && (await this.fireOneCron())) fired++;
    return fired;
  }

  private fireOneCron(): Promise<boolean> {
    const now = this.options.clock.now();
    return inTransaction(this.options.pool, async (tx) => {
      const due = await claimDueCron(tx, now);
      if (!due) return false;
      const event = { name: internalEvents.scheduledTimer, data: { cron: due.cron }, id: randomUUID(), ts: due.nextAt.getTime() };
      await insertRun(tx, due.functionId, event, now);
      // From now, not from the missed tick: an executor that was down does not replay every tick it missed.
      await rescheduleCron(tx, due, nextCronTime(due.cron, now));
      this.options.log(`cron "${due.cron}" started ${due.functionId}`);
      return true;
    });
  }

  private async advanceDueRuns(): Promise<number> {
    const workers = Array.from({ length: this.options.concurrency }, () => this.work());
    const results = await Promise.allSettled(workers);
    const failure = results.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
    return results.reduce((total, result) => total + (result.status === "fulfilled" ? result.value : 0), 0);
  }

  private async work(): Promise<number> {
    let advanced = 0;
    while (!this.stopped) {
      const now = this.options.clock.now();
      const run = await claimRun(this.options.pool, now, new Date(now.getTime() + this.options.leaseMs));
      if (!run) break;
      await advanceRun(this.context, run);
      advanced++;
    }
    return advanced;
  }

  private async nextDueAt(): Promise<Date | null> {
    const times = [await nextRunDueAt(this.options.pool), await nextCronAt(this.options.pool)].filter((time): time is Date => time !== null);
    return times.length > 0 ? new Date(Math.min(...times.map((time) => time.getTime()))) : null;
  }

  /** Real clock: the next drain happens when the next thing is due, or at the safety poll, whichever is sooner. */
  private scheduleWake(): void {
    if (this.options.clock.kind !== "real" || this.stopped) return;
    void this.nextDueAt()
      .catch(() => null)
      .then((due) => {
        if (this.stopped) return;
        const untilDue = due ? due.getTime() - this.options.clock.now().getTime() : Infinity;
        clearTimeout(this.wakeTimer);
        this.wakeTimer = setTimeout(() => this.wake(), Math.max(10, Math.min(untilDue, this.options.safetyPollMs)));
        this.wakeTimer.unref();
      });
  }
}
