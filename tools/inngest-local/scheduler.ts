import { randomUUID } from "node:crypto";
import { nextCronTime } from "@/tools/inngest-local/cron";
import { inTransaction } from "@/tools/inngest-local/database";
import { claimDueCron, nextCronAt, rescheduleCron } from "@/tools/inngest-local/crons-store";
import { internalEvents } from "@/tools/inngest-local/protocol";
import { advanceRun, type RunnerContext } from "@/tools/inngest-local/runner";
import { claimRun, insertRun, nextRunDueAt, oldestWaitingRun, type ClaimedRun } from "@/tools/inngest-local/runs-store";

export interface SchedulerOptions extends Omit<RunnerContext, "stopSignal"> {
  /** Calls in flight at once. The virtual clock runs one at a time, so tests see one deterministic order. */
  concurrency: number;
  /** Real clock: look at the database at least this often, for work another executor added. */
  safetyPollMs: number;
  /** Real clock: a run due for longer than this without being started is logged as a stall. */
  stallAfterMs: number;
}

export interface SchedulerHealth {
  clock: "real" | "virtual";
  inFlight: number;
  concurrency: number;
  /** How long the run due longest ago has waited to be started; 0 when nothing waits. */
  oldestWaitingMs: number;
  oldestWaitingRun: { id: string; functionId: string; dueAt: Date } | null;
  /** When the scheduling loop last went round (real clock). */
  lastLoopAt: Date | null;
  loopErrors: number;
}

const errorBackoffMs = 1_000;
// A due run blocked by its concurrency key is looked at again this often, or when a call ends.
const blockedPollMs = 250;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Drives runs forward. On the real clock a loop keeps up to `concurrency` calls in flight: each
 * run holds one slot while its call lasts, so a slow step delays nobody else, and the loop claims
 * new work as soon as a slot frees, an event arrives or something falls due. Every database call
 * has a deadline and a failure in the loop is logged and retried, never fatal. On the virtual
 * clock nothing runs until `drain` or `advance`, which walk time from one due moment to the next.
 */
export class Scheduler {
  private readonly stopController = new AbortController();
  private readonly context: RunnerContext;
  private readonly inFlight = new Set<Promise<void>>();
  private signalled = false;
  private wakeLoop: (() => void) | null = null;
  private idleWaiters: Array<() => void> = [];
  private loopDone: Promise<void> = Promise.resolve();
  private virtualTail: Promise<void> = Promise.resolve();
  private watchdog: NodeJS.Timeout | undefined;
  private lastLoopAt: Date | null = null;
  private loopErrors = 0;
  private stalled = false;

  constructor(private readonly options: SchedulerOptions) {
    this.context = { ...options, stopSignal: this.stopController.signal };
  }

  private get stopped() {
    return this.stopController.signal.aborted;
  }

  private get real() {
    return this.options.clock.kind === "real";
  }

  /** Real clock: starts the loop and the watchdog. */
  start(): void {
    if (!this.real) return;
    this.loopDone = this.loop();
    this.watchdog = setInterval(() => void this.watch(), Math.min(5_000, this.options.stallAfterMs / 2));
    this.watchdog.unref();
  }

  /** Something may be runnable: an event arrived, an app registered. */
  wake(): void {
    this.signalled = true;
    this.wakeLoop?.();
  }

  /** Runs until nothing is runnable at the current time (real clock: and no call is in flight). */
  drain(): Promise<void> {
    if (this.real) {
      const idle = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      this.wake();
      return idle;
    }
    const next = this.virtualTail.catch(() => undefined).then(() => this.drainVirtual());
    this.virtualTail = next;
    return next;
  }

  async advance(ms: number): Promise<void> {
    const { clock } = this.options;
    if (clock.kind !== "virtual") throw new Error('advance() needs the virtual clock (clock: "virtual").');
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

  async health(): Promise<SchedulerHealth> {
    const now = this.options.clock.now();
    const waiting = await oldestWaitingRun(this.options.pool, now);
    return {
      clock: this.options.clock.kind,
      inFlight: this.inFlight.size,
      concurrency: this.options.concurrency,
      oldestWaitingMs: waiting ? now.getTime() - waiting.dueAt.getTime() : 0,
      oldestWaitingRun: waiting,
      lastLoopAt: this.lastLoopAt,
      loopErrors: this.loopErrors,
    };
  }

  async stop(): Promise<void> {
    this.stopController.abort();
    clearInterval(this.watchdog);
    this.wakeLoop?.();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight, this.virtualTail]);
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.lastLoopAt = new Date();
      this.signalled = false;
      let waitMs: number;
      try {
        waitMs = await this.fillSlots();
      } catch (error) {
        this.loopErrors++;
        this.options.log(`scheduler error (retrying in ${errorBackoffMs} ms): ${errorText(error)}`);
        waitMs = errorBackoffMs;
      }
      await this.pause(waitMs);
    }
  }

  /** Fires due crons and claims due runs into free slots; returns how long the loop may wait before looking again. */
  private async fillSlots(): Promise<number> {
    await this.fireDueCrons();
    let claimed = false;
    while (!this.stopped && this.inFlight.size < this.options.concurrency) {
      const run = await this.claim();
      if (!run) break;
      claimed = true;
      this.launch(run);
    }
    if (this.inFlight.size >= this.options.concurrency) return this.options.safetyPollMs;
    const due = await this.nextDueAt();
    const untilDue = due ? due.getTime() - this.options.clock.now().getTime() : Infinity;
    if (untilDue <= 0) return claimed ? 0 : blockedPollMs;
    if (this.inFlight.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    return Math.min(untilDue, this.options.safetyPollMs);
  }

  /** Waits `ms`, or less if woken: by an event, or by a call ending and freeing its slot. */
  private pause(ms: number): Promise<void> {
    if (this.signalled || this.stopped || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeLoop = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeLoop = done;
    });
  }

  private launch(run: ClaimedRun): void {
    const call = advanceRun(this.context, run)
      .catch((error: unknown) =>
        this.options.log(
          `run ${run.id} of ${run.functionId}: recording its progress failed, its lease will lapse and it will be retried: ${errorText(error)}`,
        ),
      )
      .finally(() => {
        this.inFlight.delete(call);
        this.wake();
      });
    this.inFlight.add(call);
  }

  private claim(): Promise<ClaimedRun | null> {
    const now = this.options.clock.now();
    return claimRun(this.options.pool, now, new Date(now.getTime() + this.options.leaseMs));
  }

  private async drainVirtual(): Promise<void> {
    while (!this.stopped) {
      const fired = await this.fireDueCrons();
      let advanced = 0;
      for (let run = await this.claim(); run && !this.stopped; run = await this.claim()) {
        await advanceRun(this.context, run);
        advanced++;
      }
      if (fired + advanced === 0) break;
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
      const event = {
        name: internalEvents.scheduledTimer,
        data: { cron: due.cron },
        id: randomUUID(),
        ts: due.nextAt.getTime(),
      };
      await insertRun(tx, due.functionId, event, now);
      // From now, not from the missed tick: an executor that was down does not replay every tick it missed.
      await rescheduleCron(tx, due, nextCronTime(due.cron, now));
      return true;
    });
  }

  private async nextDueAt(): Promise<Date | null> {
    const times = [await nextRunDueAt(this.options.pool), await nextCronAt(this.options.pool)].filter(
      (time): time is Date => time !== null,
    );
    return times.length > 0 ? new Date(Math.min(...times.map((time) => time.getTime()))) : null;
  }

  /** Logs once when work has waited past `stallAfterMs` without being started, and once when it is moving again. */
  private async watch(): Promise<void> {
    try {
      const health = await this.health();
      const stalled = health.oldestWaitingMs > this.options.stallAfterMs;
      if (stalled && !this.stalled) {
        const run = health.oldestWaitingRun!;
        this.options.log(
          `watchdog: run ${run.id} of ${run.functionId} has been due for ${Math.round(health.oldestWaitingMs / 1000)} s without starting (${health.inFlight}/${health.concurrency} calls in flight)`,
        );
      }
      if (!stalled && this.stalled) this.options.log("watchdog: due runs are being started again");
      this.stalled = stalled;
    } catch (error) {
      this.options.log(`watchdog: could not read the executor's state: ${errorText(error)}`);
    }
  }
}
