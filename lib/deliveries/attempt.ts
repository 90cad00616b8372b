import type { DeliveryStatus, Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { retryScheduleSpecs, nextRetryDelayMs, type RetryScheduleName } from "@/lib/delivery/schedules";
import { applyVerdict, type HealthSignal, type Verdict } from "@/lib/deliveries/health";
import { describeFailure, sendAttempt, type EventToSend, type SentAttempt } from "@/lib/deliveries/send-attempt";
import { loadSigningTarget, type SigningTarget } from "@/lib/deliveries/signing-target";
import { looksSecret } from "@/lib/delivery/mask-headers";
import { countDeliveryFinished, recordAttempt } from "@/lib/observability/metrics";

export interface AttemptReport {
  attemptId: string | null;
  orgId: string | null;
  status: DeliveryStatus;
  success: boolean;
  /** When the schedule wants another try; null once the delivery is finished. */
  retryInMs: number | null;
  signal: HealthSignal | null;
}

export type Trigger = "scheduled" | "manual";

const finished = (status: DeliveryStatus, signal: HealthSignal | null = null): AttemptReport => ({ attemptId: null, orgId: null, status, success: status === "succeeded", retryInMs: null, signal });

// An attempt "sending" for longer than this died with its process (a chain of six 30 s requests fits well inside).
export const inFlightLeaseMs = 5 * 60_000;
// A scheduled attempt that finds another (a person's Retry) on the wire looks again this much later.
const busyRetryMs = 10_000;

// The webhook is no longer where this delivery should go: paused or disabled, or pending a new URL.
const stoppedWebhook = new Set(["paused", "disabled", "pending"]);

/**
 * Marks the delivery as being sent. Locks the webhook, then the delivery (fan-out's batch join
 * takes the same webhook lock), so a batch never gains an event between its claim and its send,
 * and two attempts of one delivery never go out together.
 */
async function claim(deliveryId: string, trigger: Trigger, onlyFailed: boolean) {
  return db.$transaction(async (tx) => {
    // Only batches gain events after they are created, so only they need the webhook's lock.
    const [owner] = await tx.$queryRaw<{ batched: boolean }[]>`
      SELECT w."deliveryMode" = 'batched' AS batched FROM "Webhook" w JOIN "Delivery" d ON d."webhookId" = w.id WHERE d.id = ${deliveryId}`;
    if (owner?.batched) await tx.$queryRaw`SELECT w.id FROM "Webhook" w JOIN "Delivery" d ON d."webhookId" = w.id WHERE d.id = ${deliveryId} FOR UPDATE OF w`;
    await tx.$queryRaw`SELECT id FROM "Delivery" WHERE id = ${deliveryId} FOR UPDATE`;
    const delivery = await tx.delivery.findUnique({ where: { id: deliveryId }, include: { webhook: { select: { status: true, orgId: true } } } });
    if (!delivery) return null;
    if (delivery.status === "sending" && delivery.updatedAt.getTime() > Date.now() - inFlightLeaseMs) {
      if (trigger === "manual") throw new AppError("conflict", "An attempt of this delivery is in flight; retry when it has finished.");
      return { delivery, busy: true as const };
    }
    if (onlyFailed && delivery.status !== "failed") return { delivery, skip: delivery.status };
    if (trigger === "scheduled" && (delivery.status === "succeeded" || delivery.status === "failed")) return { delivery, skip: delivery.status };
    if (trigger === "scheduled" && stoppedWebhook.has(delivery.webhook.status)) {
      await tx.delivery.update({ where: { id: deliveryId }, data: { status: "failed", nextAttemptAt: null } });
      return { delivery, skip: "failed" as const };
    }
    await tx.delivery.update({ where: { id: deliveryId }, data: { status: "sending" } });
    return { delivery };
  });
}

/** The events each delivery carries, oldest first, in the shape the formats build requests from. */
export async function eventsOf(deliveryIds: string[]): Promise<Map<string, EventToSend[]>> {
  const links = await db.deliveryEvent.findMany({
    where: { deliveryId: { in: deliveryIds } },
    include: { event: { include: { project: { select: { key: true } } } } },
    orderBy: { event: { createdAt: "asc" } },
  });
  const byDelivery = new Map<string, EventToSend[]>(deliveryIds.map((id) => [id, []]));
  for (const { deliveryId, event } of links) {
    byDelivery.get(deliveryId)!.push({
      id: event.id,
      type: event.type,
      createdAt: event.createdAt,
      payload: event.payload as Record<string, unknown>,
      properties: event.properties as Record<string, unknown>,
      projectKey: event.project?.key ?? null,
    });
  }
  return byDelivery;
}

export function attemptRow(orgId: string, deliveryId: string, number: number, trigger: Trigger | "test", sent: SentAttempt): Prisma.AttemptUncheckedCreateInput {
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

export function verdictOf(sent: SentAttempt): Verdict {
  if (sent.outcome.kind === "success") return { kind: "success" };
  if (sent.outcome.kind === "gone") return { kind: "disable", reason: "The endpoint answered 410 Gone." };
  return { kind: "failure", reason: describeFailure(sent.result) };
}

/**
 * A follow-up request's target: its own URL and its own Basic auth only. The webhook's token, its
 * Basic auth and its secret headers are the main receiver's credentials and never go to another host.
 */
function followUpTarget(target: SigningTarget, index: number, url: string): SigningTarget {
  const secret = new Set((target.secretHeaderNames ?? []).map((name) => name.toLowerCase()));
  const headers = Object.fromEntries(Object.entries(target.webhook.headers as Record<string, string>).filter(([name]) => !secret.has(name.toLowerCase()) && !looksSecret(name)));
  return { ...target, token: null, basicAuth: target.followUpBasicAuth?.[index] ?? null, secretHeaderNames: [], webhook: { ...target.webhook, url, headers } };
}

/**
 * The webhook's own request, then (SecurityScorecard rules) each follow-up web request in order
 * while the previous one succeeds, each carrying the URLs and responses of those before it.
 */
export async function sendChain(target: SigningTarget, delivery: { id: string; createdAt: Date; retriesDone: number }, events: EventToSend[]): Promise<SentAttempt[]> {
  const chain = [await sendAttempt(target, delivery, events)];
  for (const [index, url] of target.webhook.followUpUrls.entries()) {
    if (chain.at(-1)!.outcome.kind !== "success") break;
    const earlierRequests = chain.map(({ request, result }) => ({ url: request.url, status: result.status, body: result.body }));
    chain.push(await sendAttempt(followUpTarget(target, index, url), { ...delivery, earlierRequests }, events));
  }
  return chain;
}

/** A delivery still waiting keeps a due time: the schedule's next one, or (after a person's Retry failed) the one it had. */
export function nextAttemptAfter({ status, retryInMs, scheduledAt }: { status: DeliveryStatus; retryInMs: number | null; scheduledAt: Date | null }, now: Date): Date | null {
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
  if (trigger === "manual") return { status: input.statusBefore === "sending" ? "failed" : input.statusBefore, retryInMs: null, effective: verdict };
  if (verdict.kind === "disable") return { status: "failed", retryInMs: null, effective: verdict };
  const schedule = webhook.retrySchedule as RetryScheduleName;
  const delay = nextRetryDelayMs(schedule, webhook.retryDelaysSeconds, input.scheduledTries - 1, input.random ?? Math.random);
  const retryAfter = sent.outcome.kind === "retry" ? (sent.outcome.retryAfterMs ?? 0) : 0;
  const retryInMs = delay === null ? null : Math.max(delay, retryAfter);
  if (retryInMs !== null) return { status: "retrying", retryInMs, effective: verdict };
  const effective: Verdict =
    retryScheduleSpecs[schedule].whenExhausted === "disable" ? { kind: "disable", reason: `Every retry on the ${schedule} schedule failed; last: ${verdict.reason}.` } : verdict;
  return { status: "failed", retryInMs: null, effective };
}

/**
 * One try of a delivery: send, record the attempt, then decide what happens next from the
 * webhook's schedule. Scheduled attempts walk the schedule; manual ones (a person pressing Retry)
 * record and can succeed the delivery but never move the schedule.
 */
export async function attemptDelivery(deliveryId: string, trigger: Trigger, { onlyFailed = false, random = Math.random } = {}): Promise<AttemptReport> {
  const claimed = await claim(deliveryId, trigger, onlyFailed);
  if (!claimed) return finished("failed");
  if ("busy" in claimed) return { attemptId: null, orgId: claimed.delivery.orgId, status: "sending", success: false, retryInMs: busyRetryMs, signal: null };
  if ("skip" in claimed && claimed.skip) return finished(claimed.skip);
  const { delivery } = claimed;
  const target = await loadSigningTarget(delivery.orgId, delivery.webhookId);
  if (!target) return finished("failed");

  const tries = await db.attempt.count({ where: { deliveryId, followUp: 0 } });
  const chain = await sendChain(target, { id: delivery.id, createdAt: delivery.createdAt, retriesDone: tries }, (await eventsOf([delivery.id])).get(delivery.id)!);
  const sent = chain.at(-1)!;
  const verdict = verdictOf(sent);
  const now = new Date();

  const report = await db.$transaction(async (tx) => {
    const attempts = [];
    for (const [index, request] of chain.entries()) {
      attempts.push(await tx.attempt.create({ data: { ...attemptRow(delivery.orgId, delivery.id, delivery.attemptCount + index + 1, trigger, request), followUp: index }, select: { id: true } }));
    }
    const attempt = attempts.at(-1)!;
    const scheduledTries = trigger === "scheduled" ? await tx.attempt.count({ where: { deliveryId, trigger: "scheduled", followUp: 0 } }) : 0;
    const { status, retryInMs, effective } = settle({ trigger, verdict, sent, scheduledTries, webhook: target.webhook, statusBefore: delivery.status, random });
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
    const signal = trigger === "manual" && effective.kind === "failure" ? null : await applyVerdict(tx, delivery.webhookId, effective, now);
    return { attemptId: attempt.id, orgId: delivery.orgId, status, success: verdict.kind === "success", retryInMs, signal };
  });
  for (const { outcome, result } of chain) recordAttempt({ outcome: outcome.kind === "success" ? "success" : "failure", durationMs: result.durationMs });
  if (report.status !== delivery.status && (report.status === "succeeded" || report.status === "failed")) countDeliveryFinished(report.status);
  return report;
}
