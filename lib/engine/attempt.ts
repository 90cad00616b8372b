import "server-only";
import type { DeliveryStatus, Prisma } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { sql, type SqlClient } from "@/lib/sql";
import { AppError } from "@/lib/http/errors";
import { retryScheduleSpecs, nextRetryDelayMs, type RetryScheduleName } from "@/lib/wire/schedules";
import { applyVerdict, type HealthSignal, type Verdict } from "@/lib/engine/health";
import { queueHealthFollowUps, type QueuedFollowUps } from "@/lib/engine/health-follow-ups";
import { describeFailure, sendAttempt, type EventToSend, type SentAttempt } from "@/lib/engine/send-attempt";
import { loadSigningTarget, type SigningTarget } from "@/lib/engine/signing-target";
import { inFlightLeaseMs } from "@/lib/engine/run-leases";
import { looksSecret } from "@/lib/wire/mask-headers";
import { countDeliveryFinished, recordAttempt } from "@/lib/observability/metrics";
import { getAttempt, getDeliverySummary } from "@/lib/history/history";

export interface AttemptReport {
  attemptId: string;
  orgId: string;
  status: DeliveryStatus;
  success: boolean;
  /** When the schedule wants another try; null once the delivery is finished. */
  retryInMs: number | null;
  signal: HealthSignal | null;
}

/** What a person's Retry answers: the delivery and the attempt it made. */
export interface RetryAnswer {
  delivery: Awaited<ReturnType<typeof getDeliverySummary>>;
  attempt: Awaited<ReturnType<typeof getAttempt>>;
}

export type Trigger = "scheduled" | "manual";

/**
 * Marks the delivery as being sent for a person's Retry. Locks the webhook, then the delivery
 * (fan-out's batch join and the engine's claim take the same webhook lock), so a batch never
 * gains an event between its claim and its send, and two attempts of one delivery never go out
 * together: one on the wire (the engine's, or another Retry) is a conflict.
 */
async function claimForRetry(deliveryId: string) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT w.id FROM "Webhook" w JOIN "Delivery" d ON d."webhookId" = w.id WHERE d.id = ${deliveryId} FOR NO KEY UPDATE OF w`;
    const delivery = await tx.delivery.findUnique({ where: { id: deliveryId } });
    if (!delivery) return null;
    if (delivery.status === "sending" && delivery.updatedAt.getTime() > Date.now() - inFlightLeaseMs) {
      throw new AppError("conflict", "An attempt of this delivery is in flight; retry when it has finished.");
    }
    await tx.delivery.update({ where: { id: deliveryId }, data: { status: "sending" } });
    return delivery;
  });
}

/** The events each delivery carries, oldest first, in the shape the formats build requests from. One raw query: it is on the engine's hot path. */
export async function eventsOf(deliveryIds: string[], client: SqlClient = sql): Promise<Map<string, EventToSend[]>> {
  const rows = await client.$queryRaw<Array<EventToSend & { deliveryId: string }>>`
    SELECT de."deliveryId", e.id, e.type, e."createdAt", e.payload, e.properties, p.key AS "projectKey"
    FROM "DeliveryEvent" de JOIN "Event" e ON e.id = de."eventId" LEFT JOIN "Project" p ON p.id = e."projectId"
    WHERE de."deliveryId" = ANY(${deliveryIds}::text[])
    ORDER BY e."createdAt", e.id`;
  const byDelivery = new Map<string, EventToSend[]>(deliveryIds.map((id) => [id, []]));
  for (const { deliveryId, ...event } of rows) byDelivery.get(deliveryId)!.push(event);
  return byDelivery;
}

/** Per delivery: tries already made (first requests, not follow-ups) and scheduled ones among them. */
export interface Tries {
  all: number;
  scheduled: number;
}

/** The tries each delivery has had; a delivery with none has no entry. */
export async function triesOf(deliveryIds: string[], client: SqlClient = sql): Promise<Map<string, Tries>> {
  if (deliveryIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ deliveryId: string; all: number; scheduled: number }[]>`
    SELECT "deliveryId", count(*)::int AS all, (count(*) FILTER (WHERE trigger = 'scheduled'))::int AS scheduled
    FROM "Attempt" WHERE "deliveryId" = ANY(${deliveryIds}::text[]) AND "followUp" = 0 GROUP BY "deliveryId"`;
  return new Map(rows.map((row) => [row.deliveryId, { all: row.all, scheduled: row.scheduled }]));
}

export function attemptRow(
  orgId: string,
  deliveryId: string,
  number: number,
  trigger: Trigger | "test",
  sent: SentAttempt,
): Prisma.AttemptUncheckedCreateInput {
  const { request, result } = sent;
  return {
    orgId,
    deliveryId,
    number,
    trigger,
    requestUrl: request.url,
    requestHeaders: request.headers,
    requestBody: request.body,
    responseStatus: result.status,
    responseHeaders: result.status === null ? undefined : result.headers,
    responseBody: result.status === null ? null : result.body,
    responseTruncated: result.truncated,
    durationMs: Math.round(result.durationMs),
    success: sent.outcome.kind === "success",
    errorClass: result.errorClass,
    errorMessage: result.errorMessage?.slice(0, 1000) ?? null,
  };
}

/** A 410 Gone disables the webhook only where its "410 disables" setting is on; otherwise it is an ordinary failure. */
export function verdictOf(sent: SentAttempt, disableOnGone: boolean): Verdict {
  if (sent.outcome.kind === "success") return { kind: "success" };
  if (sent.outcome.kind === "gone" && disableOnGone)
    return { kind: "disable", reason: "The endpoint answered 410 Gone." };
  return { kind: "failure", reason: describeFailure(sent.result) };
}

/**
 * A follow-up request's target: its own URL and its own Basic auth only. The webhook's token, its
 * Basic auth and its secret headers are the main receiver's credentials and never go to another host.
 */
function followUpTarget(target: SigningTarget, index: number, url: string): SigningTarget {
  const secret = new Set((target.secretHeaderNames ?? []).map((name) => name.toLowerCase()));
  const headers = Object.fromEntries(
    Object.entries(target.webhook.headers as Record<string, string>).filter(
      ([name]) => !secret.has(name.toLowerCase()) && !looksSecret(name),
    ),
  );
  return {
    ...target,
    token: null,
    basicAuth: target.followUpBasicAuth?.[index] ?? null,
    secretHeaderNames: [],
    webhook: { ...target.webhook, url, headers },
  };
}

/**
 * The webhook's own request, then (SecurityScorecard rules) each follow-up web request in order
 * while the previous one succeeds, each carrying the URLs and responses of those before it.
 * `onSent` is told when the webhook's own request has been written (follow-ups go elsewhere).
 */
export async function sendChain(
  target: SigningTarget,
  delivery: { id: string; createdAt: Date; retriesDone: number },
  events: EventToSend[],
  onSent?: () => void,
): Promise<SentAttempt[]> {
  const chain = [await sendAttempt(target, delivery, events, new Date(), onSent)];
  for (const [index, url] of target.webhook.followUpUrls.entries()) {
    if (chain.at(-1)!.outcome.kind !== "success") break;
    const earlierRequests = chain.map(({ request, result }) => ({
      url: request.url,
      status: result.status,
      body: result.body,
    }));
    chain.push(await sendAttempt(followUpTarget(target, index, url), { ...delivery, earlierRequests }, events));
  }
  return chain;
}

/** A delivery still waiting keeps a due time: the schedule's next one, or (after a person's Retry failed) the one it had. */
export function nextAttemptAfter(
  { status, retryInMs, scheduledAt }: { status: DeliveryStatus; retryInMs: number | null; scheduledAt: Date | null },
  now: Date,
): Date | null {
  if (status !== "pending" && status !== "retrying") return null;
  return retryInMs === null ? (scheduledAt ?? now) : new Date(now.getTime() + retryInMs);
}

export interface Settled {
  status: DeliveryStatus;
  /** When the schedule wants another try; null once the delivery is finished. */
  retryInMs: number | null;
  /** The verdict for the webhook's health: an exhausted schedule that disables turns a failure into "disable". */
  effective: Verdict;
}

/**
 * What an attempt's outcome does to its delivery. Scheduled attempts walk the webhook's schedule
 * (`scheduledTries` counts this one); manual ones record and can succeed the delivery but never
 * move the schedule, and one found stuck "sending" by a dead process ends failed.
 */
export function settle(input: {
  trigger: Trigger;
  verdict: Verdict;
  sent: SentAttempt;
  scheduledTries: number;
  webhook: { retrySchedule: string; retryDelaysSeconds: number[] };
  statusBefore: DeliveryStatus;
  random?: () => number;
}): Settled {
  const { trigger, verdict, sent, webhook } = input;
  if (verdict.kind === "success") return { status: "succeeded", retryInMs: null, effective: verdict };
  if (trigger === "manual")
    return {
      status: input.statusBefore === "sending" ? "failed" : input.statusBefore,
      retryInMs: null,
      effective: verdict,
    };
  if (verdict.kind === "disable") return { status: "failed", retryInMs: null, effective: verdict };
  const schedule = webhook.retrySchedule as RetryScheduleName;
  const delay = nextRetryDelayMs(
    schedule,
    webhook.retryDelaysSeconds,
    input.scheduledTries - 1,
    input.random ?? Math.random,
  );
  const retryAfter = sent.outcome.kind === "retry" ? (sent.outcome.retryAfterMs ?? 0) : 0;
  const retryInMs = delay === null ? null : Math.max(delay, retryAfter);
  if (retryInMs !== null) return { status: "retrying", retryInMs, effective: verdict };
  const effective: Verdict =
    retryScheduleSpecs[schedule].whenExhausted === "disable"
      ? { kind: "disable", reason: `Every retry on the ${schedule} schedule failed; last: ${verdict.reason}.` }
      : verdict;
  return { status: "failed", retryInMs: null, effective };
}

/**
 * A person's Retry: one attempt now, recorded as manual. It can succeed the delivery but never
 * moves its schedule: a failure leaves the delivery as it was, its next scheduled attempt still due.
 * The attempt, the delivery's new state, the audit entry and the follow-ups of a change of health
 * (`followUps`, to send once this returns) commit together.
 */
export async function retryDeliveryNow(
  deliveryId: string,
  actor: Actor,
): Promise<(AttemptReport & { followUps: QueuedFollowUps; answer: RetryAnswer }) | null> {
  const delivery = await claimForRetry(deliveryId);
  if (!delivery) return null;
  const target = await loadSigningTarget(delivery.orgId, delivery.webhookId);
  if (!target) return null;

  const tries = (await triesOf([deliveryId])).get(deliveryId)?.all ?? 0;
  const chain = await sendChain(
    target,
    { id: delivery.id, createdAt: delivery.createdAt, retriesDone: tries },
    (await eventsOf([delivery.id])).get(delivery.id)!,
  );
  const sent = chain.at(-1)!;
  const verdict = verdictOf(sent, target.webhook.disableOnGone);
  const now = new Date();

  const report = await db.$transaction(async (tx) => {
    const attempts = [];
    for (const [index, request] of chain.entries()) {
      attempts.push(
        await tx.attempt.create({
          data: {
            ...attemptRow(delivery.orgId, delivery.id, delivery.attemptCount + index + 1, "manual", request),
            followUp: index,
          },
          select: { id: true },
        }),
      );
    }
    const { status, retryInMs, effective } = settle({
      trigger: "manual",
      verdict,
      sent,
      scheduledTries: 0,
      webhook: target.webhook,
      statusBefore: delivery.status,
    });
    await tx.delivery.update({
      where: { id: deliveryId },
      data: {
        status,
        attemptCount: { increment: chain.length },
        lastAttemptAt: now,
        nextAttemptAt: nextAttemptAfter({ status, retryInMs, scheduledAt: delivery.nextAttemptAt }, now),
        ...(verdict.kind !== "success" && !delivery.firstFailedAt ? { firstFailedAt: now } : {}),
      },
    });
    // A manual failure is a person poking, not evidence of an outage: it starts no incident.
    const signal = effective.kind === "failure" ? null : await applyVerdict(tx, delivery.webhookId, effective, now);
    await recordAudit(
      delivery.orgId,
      actor,
      "delivery.replayed",
      { type: "delivery", id: deliveryId },
      { deliveries: 1, deliveryIds: [deliveryId], success: verdict.kind === "success" },
      tx,
    );
    const attemptId = attempts.at(-1)!.id;
    return {
      attemptId,
      // The person's answer, read in the transaction: a committed retry is never answered with an error.
      answer: {
        delivery: await getDeliverySummary(delivery.orgId, deliveryId, tx),
        attempt: await getAttempt(delivery.orgId, attemptId, tx),
      },
      orgId: delivery.orgId,
      status,
      success: verdict.kind === "success",
      retryInMs,
      signal,
      followUps: await queueHealthFollowUps(tx, delivery.orgId, signal),
    };
  });
  for (const { outcome, result } of chain)
    recordAttempt({ outcome: outcome.kind === "success" ? "success" : "failure", durationMs: result.durationMs });
  if (report.status !== delivery.status && (report.status === "succeeded" || report.status === "failed"))
    countDeliveryFinished(report.status);
  return report;
}
