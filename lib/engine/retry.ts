import "server-only";
import { inngest } from "@/lib/jobs/client";
import { healthEvent } from "@/lib/jobs/signals";
import { retryDeliveryNow } from "@/lib/engine/attempt";
import { emailWebhookDisabled } from "@/lib/engine/notify-owner";
import { getAttempt, getDeliverySummary } from "@/lib/history/history";
import { claimWebhooksToWake, wakeWebhooks } from "@/lib/engine/outbox";
import { utc } from "@/lib/utc";
import { logger } from "@/lib/observability/logger";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

/** A person's Retry: one attempt now, answered with its result. The schedule, if any, carries on. */
export async function retryDelivery(orgId: string, id: string) {
  await getDeliverySummary(orgId, id);
  const report = await retryDeliveryNow(id);
  if (!report) throw notFound("Delivery");
  if (report.signal?.kind === "disabled") await emailWebhookDisabled(report.signal.webhookId, report.signal.reason);
  const announcement = report.signal ? healthEvent(orgId, report.signal) : null;
  if (announcement)
    await inngest
      .send(announcement)
      .catch((error: unknown) => logger.warn({ err: error }, "Could not announce a webhook's change of health"));
  return { delivery: await getDeliverySummary(orgId, id), attempt: await getAttempt(orgId, report.attemptId) };
}

/**
 * Svix's "recover": every failed delivery of the webhook since a moment is sent once more, in the
 * background. One statement queues them all for the webhook's run, which sends them in rounds
 * like any other due work; a double submit finds nothing failed left to queue.
 */
export async function recoverDeliveries(orgId: string, webhookId: string, since: Date): Promise<{ requeued: number }> {
  const now = new Date();
  const { requeued, toWake } = await db.$transaction(async (tx) => {
    const webhook = await tx.webhook.findFirst({ where: { id: webhookId, orgId }, select: { id: true } });
    if (!webhook) throw notFound("Webhook");
    const requeued = await tx.$executeRaw`
      UPDATE "Delivery" SET status = 'retrying', "resendOnce" = true, "nextAttemptAt" = ${utc(now)}::timestamp, "updatedAt" = ${utc(now)}::timestamp
      WHERE "orgId" = ${orgId} AND "webhookId" = ${webhookId} AND status = 'failed' AND "isTest" = false AND "createdAt" >= ${utc(since)}::timestamp`;
    return { requeued, toWake: requeued > 0 ? await claimWebhooksToWake(tx, [webhookId], now) : [] };
  });
  await wakeWebhooks(toWake);
  return { requeued };
}
