import "server-only";
import type { DeliveryStatus } from "@/generated/prisma/client";
import { insertAttempts } from "@/lib/engine/insert-attempts";
import {
  attemptRow,
  eventsOf,
  nextAttemptAfter,
  sendChain,
  settle,
  triesOf,
  verdictOf,
  type Tries,
  type Settled,
} from "@/lib/engine/attempt";
import { applyVerdict, type HealthSignal, type Verdict } from "@/lib/engine/health";
import { inFlightLeaseMs } from "@/lib/engine/run-leases";
import type { EventToSend, SentAttempt } from "@/lib/engine/send-attempt";
import { loadSigningTarget, type SigningTarget } from "@/lib/engine/signing-target";
import { planAsKeyLookups, sqlTransaction, type SqlClient } from "@/lib/sql";
import { countDeliveryFinished, recordAttempt } from "@/lib/observability/metrics";
import { utc } from "@/lib/utc";

/**
 * What the run does after a round: another round now (more is due), sleep until the next delivery
 * falls due, or end (nothing waits, or another run already sleeps until then). `at` is where the
 * round's clock stood when it ended: the next round's clock carries on from there. `wakeAt` is the
 * due time slept until, on the same clock; `sleepMs` the delay to it from the round's end, rounded
 * up to Inngest's one-second resolution so a retry never goes early.
 */
export type NextRound =
  { kind: "now"; at: string } | { kind: "sleep"; sleepMs: number; wakeAt: string } | { kind: "end" };

export interface RoundReport {
  orgId: string | null;
  /** Deliveries attempted in this round. */
  sent: number;
  next: NextRound;
  /** The webhook's change of health, if this round changed it. */
  signal: HealthSignal | null;
}

// A round claims at most this many; the sends go out this many at a time.
export const roundSize = 100;
// Deliveries falling due this close after a round are sent with it: a sleep cannot be shorter than
// Inngest's one second, and batches opened in one fan-out fall due milliseconds apart.
const coalesceMs = 100;
const sendConcurrency = 16;

// The webhook is no longer where scheduled deliveries should go: disabled, or pending a new URL.
// A paused webhook's deliveries are not stopped but held until it is resumed.
const stoppedWebhook = new Set(["disabled", "pending"]);

interface ClaimingWebhook {
  orgId: string;
  status: string;
  rateLimitPerSecond: number | null;
}

interface ClaimedRound {
  webhook: ClaimingWebhook;
  deliveries: ClaimedDelivery[];
  limit: number;
}

/** What each claimed delivery carries, and its earlier tries. */
interface ClaimedContents {
  events: Map<string, EventToSend[]>;
  tries: Map<string, Tries>;
}

interface ClaimedDelivery {
  id: string;
  status: DeliveryStatus;
  attemptCount: number;
  createdAt: Date;
  firstFailedAt: Date | null;
  nextAttemptAt: Date | null;
  resendOnce: boolean;
}

/**
 * Takes the webhook's due deliveries: marks them "sending" and returns them. The webhook row is
 * locked first (fan-out takes the same lock to join a batch), so a batch never gains an event
 * between its claim and its send. A delivery "sending" past its lease died with its process and is
 * taken again; one this same round claimed before its process died is taken back at once. Scheduled deliveries of a stopped webhook end failed, those of a paused one
 * are held (a run that was already on its way finds them); "recover" ones still go.
 */
async function claimDue(
  webhookId: string,
  dueBy: Date,
  sleptUntil: Date | null,
  claimToken: string | null,
  now: Date,
): Promise<ClaimedRound | null> {
  return sqlTransaction(async (tx) => {
    // The run holds the webhook now; if it is the sleeper that just woke, the webhook has no sleeper left.
    const [webhook] = await tx.$queryRaw<ClaimingWebhook[]>`
      UPDATE "Webhook" SET "drainingSince" = ${utc(now)}::timestamp,
        "engineWakeAt" = CASE WHEN "engineWakeAt" = ${sleptUntil ? utc(sleptUntil) : null}::timestamp THEN NULL ELSE "engineWakeAt" END
      WHERE id = ${webhookId} RETURNING "orgId", status::text, "rateLimitPerSecond"`;
    if (!webhook) return null;
    // A rate-limited webhook sends one second's worth per round, paced within it.
    const limit = webhook.rateLimitPerSecond ? Math.min(webhook.rateLimitPerSecond, roundSize) : roundSize;
    const stopped = stoppedWebhook.has(webhook.status);
    if (stopped) {
      await tx.$executeRaw`
        UPDATE "Delivery" SET status = 'failed', "nextAttemptAt" = NULL, "updatedAt" = ${utc(now)}::timestamp
        WHERE "webhookId" = ${webhookId} AND status IN ('pending', 'retrying') AND NOT "resendOnce" AND "nextAttemptAt" <= ${utc(dueBy)}::timestamp`;
    }
    if (webhook.status === "paused") {
      await tx.$executeRaw`
        UPDATE "Delivery" SET status = 'held', "nextAttemptAt" = NULL, "updatedAt" = ${utc(now)}::timestamp
        WHERE "webhookId" = ${webhookId} AND status IN ('pending', 'retrying') AND NOT "resendOnce"`;
    }
    const deliveries = await tx.$queryRaw<ClaimedDelivery[]>`
      WITH due AS (
        SELECT id, status FROM "Delivery"
        WHERE "webhookId" = ${webhookId}
          AND ((status IN ('pending', 'retrying') AND "nextAttemptAt" <= ${utc(dueBy)}::timestamp)
               OR (status = 'sending' AND ("claimedBy" = ${claimToken} OR "updatedAt" < ${utc(new Date(now.getTime() - inFlightLeaseMs))}::timestamp)))
        ORDER BY "nextAttemptAt", "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
      )
      UPDATE "Delivery" d SET status = 'sending', "claimedBy" = ${claimToken}, "updatedAt" = ${utc(now)}::timestamp FROM due WHERE d.id = due.id
      RETURNING d.id, due.status AS status, d."attemptCount", d."createdAt", d."firstFailedAt", d."nextAttemptAt", d."resendOnce"`;
    return { webhook, deliveries, limit };
  });
}

/**
 * What the claimed deliveries carry and how often each was tried before, read as key lookups in a
 * transaction of their own: after the claim's commit, so a fan-out waiting on the webhook's row is
 * not held while a round of batches reads its events.
 */
async function readClaimed(deliveries: ClaimedDelivery[]): Promise<ClaimedContents> {
  if (deliveries.length === 0) return { events: new Map(), tries: new Map() };
  return sqlTransaction((tx) => readClaimedIn(tx, deliveries));
}

/** `readClaimed`'s reads, in the caller's transaction. */
export async function readClaimedIn(
  tx: SqlClient,
  deliveries: Pick<ClaimedDelivery, "id" | "attemptCount">[],
): Promise<ClaimedContents> {
  await planAsKeyLookups(tx);
  const events = await eventsOf(
    deliveries.map((delivery) => delivery.id),
    tx,
  );
  // A delivery never attempted has no tries to count: every write of attempts raises attemptCount with them.
  const tries = await triesOf(
    deliveries.filter((delivery) => delivery.attemptCount > 0).map((delivery) => delivery.id),
    tx,
  );
  return { events, tries };
}

/**
 * A round's clock, in milliseconds: it starts at the time the run slept until, or where the
 * previous round's clock stopped, or now if later, and moves on with real time (monotonic, sub-
 * millisecond). Every decision of the round (what is due, when each request may leave, when the
 * next delivery falls due) is taken on it, never on Postgres's clock. On Inngest it is the wall
 * clock; on a virtual clock (tests) it keeps the schedule's times exact.
 */
function roundClock(from: Date | null): () => number {
  const start = Math.max(from?.getTime() ?? 0, Date.now());
  const started = performance.now();
  return () => start + (performance.now() - started);
}

/** Resolves once `clock` reads `time` or later. Timers may fire a little early; the clock is read again. */
async function until(clock: () => number, time: number): Promise<void> {
  for (let left = time - clock(); left > 0; left = time - clock())
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
}

/** A moment yet to come: `at` settles with the time `mark` is given. */
function moment(): { at: Promise<number>; mark: (time: number) => void } {
  let mark: (time: number) => void = () => undefined;
  const at = new Promise<number>((resolve) => (mark = resolve));
  return { at, mark };
}

interface PacedRequest {
  startedAt: number;
  /** When the request had been written to its connection; never settles if it never was. */
  sent: Promise<number>;
  /** When the delivery's requests had all been answered (or had failed). */
  answered: Promise<number>;
}

// A request not yet written a second after it started is on a connection that will not open
// (it ends in a timeout or a connection error); the next one does not wait for it any longer.
const unwrittenMs = 1000;

/**
 * When the receiver had `request`, as far as the round can tell: when it was answered (a receiver
 * answers only what it has received); or, still unanswered, 1/rate after it was written (a slow
 * receiver sets no pace of its own); or, not even written, a second after it started. Whichever
 * comes first. The next request leaves 1/rate after this.
 */
function arrivedBy(request: PacedRequest, gapMs: number, clock: () => number): Promise<number> {
  return new Promise((resolve) => {
    let deadline = request.startedAt + unwrittenMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const settle = (time: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(time);
    };
    const wait = () => {
      clearTimeout(timer);
      const left = deadline - clock();
      if (left <= 0) settle(deadline);
      else timer = setTimeout(wait, Math.ceil(left));
    };
    void request.answered.then(settle);
    void request.sent.then((sentAt) => {
      deadline = Math.min(deadline, sentAt + gapMs);
      if (!settled) wait();
    });
    wait();
  });
}

/**
 * A rate-limited round. Each request leaves 1/rate after the previous one arrived (`arrivedBy`):
 * after its answer, so the receiver never sees two closer than 1/rate whatever the network or
 * the event loops did in between; or, when the receiver is slow to answer, 2/rate after the
 * previous one was written, with up to `sendConcurrency` on the wire. So a slow or hanging
 * receiver leaves a round of `rate` requests within about two seconds plus one timeout (one whose
 * connections will not open, within a second a request), instead of stretching it by `rate`
 * timeouts past a step's limits. Every time is read on the round's
 * clock. `quietUntil` is when the next request may leave; the round ends no sooner
 * (`sendDueDeliveries` waits for it), so the next round, or a next run, keeps the pace too.
 * Inngest sleeps have one-second resolution, so the pacing happens inside the step.
 */
async function paced<T, R>(
  items: T[],
  perSecond: number,
  clock: () => number,
  work: (item: T, onSent: () => void) => Promise<R>,
): Promise<{ results: R[]; quietUntil: number }> {
  const gapMs = 1000 / perSecond;
  const results: R[] = new Array(items.length);
  const inFlight = new Set<Promise<unknown>>();
  const failures: unknown[] = [];
  let previous: PacedRequest | null = null;
  for (const [index, item] of items.entries()) {
    while (inFlight.size >= sendConcurrency) await Promise.race(inFlight);
    if (failures.length > 0) break;
    if (previous) await until(clock, (await arrivedBy(previous, gapMs, clock)) + gapMs);
    const sent = moment();
    const startedAt = clock();
    const answered = work(item, () => sent.mark(clock())).then(
      (result) => {
        results[index] = result;
        return clock();
      },
      (error: unknown) => {
        failures.push(error);
        return clock();
      },
    );
    const sending = answered.finally(() => inFlight.delete(sending));
    inFlight.add(sending);
    previous = { startedAt, sent: sent.at, answered };
  }
  await Promise.all(inFlight);
  if (failures.length > 0) throw failures[0];
  return { results, quietUntil: previous ? (await arrivedBy(previous, gapMs, clock)) + gapMs : 0 };
}

/** Runs `work` over `items`, `limit` at a time. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface Outcome {
  delivery: ClaimedDelivery;
  chain: SentAttempt[];
  verdict: Verdict;
  settled: Settled;
  trigger: "scheduled" | "manual";
}

/** The webhook's health after a round: a disable wins, then any success, else the last failure. */
function roundVerdict(outcomes: Outcome[]): Verdict | null {
  const counted = outcomes.filter(
    (outcome) => outcome.trigger === "scheduled" || outcome.settled.effective.kind !== "failure",
  );
  return (
    counted.find((outcome) => outcome.settled.effective.kind === "disable")?.settled.effective ??
    counted.find((outcome) => outcome.settled.effective.kind === "success")?.settled.effective ??
    counted.at(-1)?.settled.effective ??
    null
  );
}

/** Every attempt of the round in one statement, every delivery's new state in another, then the webhook's health. */
async function record(target: SigningTarget, outcomes: Outcome[], now: Date): Promise<HealthSignal | null> {
  const { webhook } = target;
  const attempts = outcomes.flatMap(({ delivery, chain, trigger }) =>
    chain.map((sent, index) => ({
      ...attemptRow(webhook.orgId, delivery.id, delivery.attemptCount + index + 1, trigger, sent),
      followUp: index,
    })),
  );
  const updates = outcomes.map(({ delivery, chain, verdict, settled }) => ({
    id: delivery.id,
    status: settled.status,
    attempts: chain.length,
    nextAttemptAt: nextAttemptAfter(
      { status: settled.status, retryInMs: settled.retryInMs, scheduledAt: delivery.nextAttemptAt },
      now,
    ),
    failed: verdict.kind !== "success",
  }));
  return sqlTransaction(async (tx) => {
    await insertAttempts(tx, attempts);
    await tx.$executeRaw`
      UPDATE "Delivery" d SET
        status = u.status::"DeliveryStatus", "attemptCount" = d."attemptCount" + u.attempts, "lastAttemptAt" = ${utc(now)}::timestamp,
        "nextAttemptAt" = u.next, "resendOnce" = false, "claimedBy" = NULL, "updatedAt" = ${utc(now)}::timestamp,
        "firstFailedAt" = CASE WHEN u.failed THEN COALESCE(d."firstFailedAt", ${utc(now)}::timestamp) ELSE d."firstFailedAt" END
      FROM unnest(${updates.map((u) => u.id)}::text[], ${updates.map((u) => u.status)}::text[], ${updates.map((u) => u.attempts)}::int[],
                  ${updates.map((u) => (u.nextAttemptAt ? utc(u.nextAttemptAt) : null))}::timestamp[], ${updates.map((u) => u.failed)}::boolean[]) AS u(id, status, attempts, next, failed)
      WHERE d.id = u.id`;
    const verdict = roundVerdict(outcomes);
    return verdict ? applyVerdict(tx, webhook.id, verdict, now) : null;
  });
}

function countOutcomes(outcomes: Outcome[]): void {
  for (const { chain, settled } of outcomes) {
    for (const { outcome, result } of chain)
      recordAttempt({ outcome: outcome.kind === "success" ? "success" : "failure", durationMs: result.durationMs });
    if (settled.status === "succeeded" || settled.status === "failed") countDeliveryFinished(settled.status);
  }
}

/**
 * After a round that emptied the queue: the run lets go of the webhook (new events start a run of
 * their own), unless work arrived meanwhile. With deliveries due later, it becomes the webhook's
 * one sleeper, unless another run already sleeps until then or earlier. The webhook row lock
 * orders this with fan-out, so an event is never left with no run to send it.
 */
async function afterRound(webhookId: string, now: Date): Promise<NextRound> {
  return sqlTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Webhook" WHERE id = ${webhookId} FOR NO KEY UPDATE`;
    const [row] = await tx.$queryRaw<{ due: Date | null }[]>`
      SELECT min("nextAttemptAt") AS due FROM "Delivery" WHERE "webhookId" = ${webhookId} AND status IN ('pending', 'retrying')`;
    const due = row?.due ?? null;
    if (due && due.getTime() <= now.getTime() + coalesceMs) return { kind: "now", at: now.toISOString() };
    await tx.$executeRaw`UPDATE "Webhook" SET "drainingSince" = NULL WHERE id = ${webhookId}`;
    if (!due) return { kind: "end" };
    const becameSleeper = await tx.$executeRaw`
      UPDATE "Webhook" SET "engineWakeAt" = ${utc(due)}::timestamp
      WHERE id = ${webhookId} AND ("engineWakeAt" IS NULL OR "engineWakeAt" <= ${utc(now)}::timestamp OR "engineWakeAt" > ${utc(due)}::timestamp)`;
    return becameSleeper > 0
      ? { kind: "sleep", sleepMs: Math.ceil((due.getTime() - now.getTime()) / 1000) * 1000, wakeAt: due.toISOString() }
      : { kind: "end" };
  });
}

/**
 * One round of a webhook's run: claim what is due (by `dueBy`, the time the run slept until or
 * where its previous round's clock stopped, or now if later), send it concurrently (rate-limited
 * webhooks: one second's worth, paced), record every attempt and state change, and say what the
 * run does next. `sleptUntil` is the due time the run has just woken at, if it slept.
 */
export async function sendDueDeliveries(
  webhookId: string,
  {
    dueBy = null as string | null,
    sleptUntil = null as string | null,
    claimToken = null as string | null,
    random = Math.random,
  } = {},
): Promise<RoundReport> {
  const clock = roundClock(dueBy ? new Date(dueBy) : null);
  const roundNow = () => new Date(Math.floor(clock()));
  const started = roundNow();
  const claimed = await claimDue(
    webhookId,
    new Date(started.getTime() + coalesceMs),
    sleptUntil ? new Date(sleptUntil) : null,
    claimToken,
    started,
  );
  const target = claimed && (await loadSigningTarget(claimed.webhook.orgId, webhookId));
  if (!claimed || !target)
    return { orgId: claimed?.webhook.orgId ?? null, sent: 0, next: { kind: "end" }, signal: null };

  const { deliveries, limit } = claimed;
  const { events, tries } = await readClaimed(deliveries);
  const rate = target.webhook.rateLimitPerSecond;
  const attempt = async (delivery: ClaimedDelivery, onSent?: () => void): Promise<Outcome> => {
    const done = tries.get(delivery.id) ?? { all: 0, scheduled: 0 };
    const chain = await sendChain(
      target,
      { id: delivery.id, createdAt: delivery.createdAt, retriesDone: done.all },
      events.get(delivery.id) ?? [],
      onSent,
    );
    const sent = chain.at(-1)!;
    const verdict = verdictOf(sent, target.webhook.disableOnGone);
    const trigger = delivery.resendOnce ? "manual" : "scheduled";
    // A delivery found "sending" was cut off mid-attempt: it carries on from where its schedule was.
    const statusBefore = delivery.resendOnce ? "failed" : delivery.status === "sending" ? "retrying" : delivery.status;
    const settled = settle({
      trigger,
      verdict,
      sent,
      scheduledTries: done.scheduled + 1,
      webhook: target.webhook,
      statusBefore,
      random,
    });
    return { delivery, chain, verdict, settled, trigger };
  };
  const { results: outcomes, quietUntil } =
    rate && deliveries.length > 0
      ? await paced(deliveries, rate, clock, attempt)
      : { results: await inParallel(deliveries, sendConcurrency, (delivery) => attempt(delivery)), quietUntil: 0 };

  const recordedAt = roundNow();
  // A paced round lets go of the webhook only once its next request may leave.
  const [signal] = await Promise.all([
    outcomes.length > 0 ? record(target, outcomes, recordedAt) : null,
    until(clock, quietUntil),
  ]);
  countOutcomes(outcomes);
  const next: NextRound =
    deliveries.length === limit
      ? { kind: "now", at: roundNow().toISOString() }
      : await afterRound(webhookId, roundNow());
  return { orgId: claimed.webhook.orgId, sent: outcomes.length, next, signal };
}
