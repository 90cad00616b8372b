import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { claimWebhooksToWake, wakeWebhooks } from "@/lib/engine/outbox";
import { AppError } from "@/lib/http/errors";
import { utc } from "@/lib/utc";

export interface ReplayedSelection {
  requeued: number;
  skipped: string[];
}

/** Every id must be a delivery of this org, and not a test one; each miss is named by its place in the list. */
async function refusals(orgId: string, deliveryIds: string[]) {
  const found = new Map(
    (
      await db.delivery.findMany({
        where: { orgId, id: { in: deliveryIds } },
        select: { id: true, isTest: true },
      })
    ).map((delivery) => [delivery.id, delivery]),
  );
  return deliveryIds.flatMap((id, index) => {
    const delivery = found.get(id);
    const path = `deliveryIds.${index}`;
    // Another org's delivery reads exactly as one that does not exist.
    if (!delivery) return [{ path, message: `No delivery ${id} in this organization.` }];
    if (delivery.isTest)
      return [{ path, message: `${id} is a test delivery: send the test again from its webhook's page.` }];
    return [];
  });
}

/**
 * Svix's and Hookdeck's "retry selected": the deliveries a person picked in the event log are sent
 * once more, in the background, by their webhooks' runs (paced like any other due work). A
 * finished delivery goes again whether it failed or succeeded (a receiver may have lost what it
 * got); one already waiting or being sent is left as it is and named in `skipped`. The change and
 * its audit entry commit together; the webhooks are woken after the commit.
 */
export async function replaySelectedDeliveries(
  orgId: string,
  actor: Actor,
  deliveryIds: string[],
): Promise<ReplayedSelection> {
  const problems = await refusals(orgId, deliveryIds);
  if (problems.length > 0)
    throw new AppError("validation_failed", "Some of the selected deliveries cannot be replayed.", problems);

  const now = new Date();
  const { requeued, toWake } = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; webhookId: string }[]>`
      UPDATE "Delivery" SET status = 'retrying', "resendOnce" = true, "nextAttemptAt" = ${utc(now)}::timestamp, "updatedAt" = ${utc(now)}::timestamp
      WHERE "orgId" = ${orgId} AND id = ANY(${deliveryIds}::text[]) AND status IN ('failed', 'succeeded') AND "isTest" = false
      RETURNING id, "webhookId"`;
    const requeued = rows.map((row) => row.id);
    if (requeued.length > 0)
      await recordAudit(
        orgId,
        actor,
        "delivery.replayed",
        { type: "delivery", id: requeued.length === 1 ? requeued[0]! : null },
        { deliveries: requeued.length, deliveryIds: requeued },
        tx,
      );
    const webhookIds = [...new Set(rows.map((row) => row.webhookId))];
    return { requeued, toWake: await claimWebhooksToWake(tx, webhookIds, now) };
  });
  await wakeWebhooks(toWake);
  const queued = new Set(requeued);
  return { requeued: requeued.length, skipped: deliveryIds.filter((id) => !queued.has(id)) };
}
