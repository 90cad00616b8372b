import { createHash } from "node:crypto";
import { inngest } from "@/inngest/client";
import { recoverRequested } from "@/inngest/events";
import { healthEvent } from "@/inngest/signals";
import { attemptDelivery } from "@/lib/deliveries/attempt";
import { emailWebhookDisabled } from "@/lib/deliveries/notify-owner";
import { getAttempt, getDeliverySummary } from "@/lib/deliveries/history";
import { maxRecoverPerRequest } from "@/lib/deliveries/schemas";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

/** A person's Retry: one attempt now, answered with its result. The schedule, if any, carries on. */
export async function retryDelivery(orgId: string, id: string) {
  await getDeliverySummary(orgId, id);
  const report = await attemptDelivery(id, "manual");
  if (report.signal?.kind === "disabled") await emailWebhookDisabled(report.signal.webhookId, report.signal.reason);
  const announcement = report.signal ? healthEvent(orgId, report.signal) : null;
  if (announcement) await inngest.send(announcement).catch((error: unknown) => console.warn("Could not announce a webhook's recovery", error));
  if (!report.attemptId) throw notFound("Delivery");
  return { delivery: await getDeliverySummary(orgId, id), attempt: await getAttempt(orgId, report.attemptId) };
}

/** Svix's "recover": every failed delivery of the webhook since a moment is sent again, in the background. */
export async function recoverDeliveries(orgId: string, webhookId: string, since: Date): Promise<{ requeued: number }> {
  const webhook = await db.webhook.findFirst({ where: { id: webhookId, orgId }, select: { id: true } });
  if (!webhook) throw notFound("Webhook");
  const failed = await db.delivery.findMany({
    where: { orgId, webhookId, status: "failed", isTest: false, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
    take: maxRecoverPerRequest,
  });
  if (failed.length === 0) return { requeued: 0 };
  const deliveryIds = failed.map((delivery) => delivery.id);
  // A double submit (same deliveries, same minute) starts one run; the run skips any no longer failed.
  const fingerprint = createHash("sha256").update(`${Math.floor(Date.now() / 60_000)}:${deliveryIds.join(",")}`).digest("hex").slice(0, 32);
  await inngest.send(recoverRequested.create({ orgId, webhookId, deliveryIds }, { id: `recover-${webhookId}-${fingerprint}` }));
  return { requeued: failed.length };
}
