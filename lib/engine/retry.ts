import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { retryDeliveryNow } from "@/lib/engine/attempt";
import { sendFollowUps } from "@/lib/engine/health-follow-ups";
import { getDeliverySummary } from "@/lib/history/history";
import { claimWebhooksToWake, wakeWebhooks } from "@/lib/engine/outbox";
import { utc } from "@/lib/utc";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

/**
 * A person's Retry: one attempt now, answered with its result. The schedule, if any, carries on.
 * What a change of health sets off (the owner's email, the escalation clock) was queued with the
 * attempt and goes once it has committed.
 */
export async function retryDelivery(orgId: string, actor: Actor, id: string) {
  await getDeliverySummary(orgId, id);
  const report = await retryDeliveryNow(id, actor);
  if (!report) throw notFound("Delivery");
  await sendFollowUps(report.followUps);
  return report.answer;
}

/**
 * Svix's "recover": every failed delivery of the webhook since a moment is sent once more, in the
 * background. One statement queues them all for the webhook's run, which sends them in rounds
 * like any other due work; a double submit finds nothing failed left to queue.
 */
export async function recoverDeliveries(
  orgId: string,
  actor: Actor,
  webhookId: string,
  since: Date,
): Promise<{ requeued: number }> {
  const now = new Date();
  const { requeued, toWake } = await db.$transaction(async (tx) => {
    const webhook = await tx.webhook.findFirst({ where: { id: webhookId, orgId }, select: { id: true, name: true } });
    if (!webhook) throw notFound("Webhook");
    const requeued = await tx.$executeRaw`
      UPDATE "Delivery" SET status = 'retrying', "resendOnce" = true, "nextAttemptAt" = ${utc(now)}::timestamp, "updatedAt" = ${utc(now)}::timestamp
      WHERE "orgId" = ${orgId} AND "webhookId" = ${webhookId} AND status = 'failed' AND "isTest" = false AND "createdAt" >= ${utc(since)}::timestamp`;
    if (requeued > 0)
      await recordAudit(
        orgId,
        actor,
        "delivery.replayed",
        { type: "webhook", id: webhookId },
        { name: webhook.name, deliveries: requeued, failedSince: since.toISOString() },
        tx,
      );
    return { requeued, toWake: requeued > 0 ? await claimWebhooksToWake(tx, [webhookId], now) : [] };
  });
  await wakeWebhooks(toWake);
  return { requeued };
}
