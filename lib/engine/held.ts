import type { Prisma } from "@/generated/prisma/client";
import { utc } from "@/lib/utc";

type Tx = Prisma.TransactionClient;

/**
 * Pausing: the webhook's waiting deliveries (due now, retrying later, or a batch still collecting)
 * become held, with no due time, so nothing is sent and nothing fails until it is resumed. One on
 * the wire finishes; its run holds it if it still has to go again. "Recover" resends stay queued.
 */
export async function holdDeliveries(tx: Tx, webhookId: string, now: Date): Promise<number> {
  return tx.$executeRaw`
    UPDATE "Delivery" SET status = 'held', "nextAttemptAt" = NULL, "updatedAt" = ${utc(now)}::timestamp
    WHERE "webhookId" = ${webhookId} AND status IN ('pending', 'retrying') AND NOT "resendOnce"`;
}

/**
 * Resuming: every held delivery falls due now. The engine claims them oldest first, and a batched
 * webhook's held events were collected into batches of its batch size while paused, so they go out
 * batched. The caller wakes the webhook (claimWebhooksToWake) in the same transaction.
 */
export async function releaseHeld(tx: Tx, webhookId: string, now: Date): Promise<number> {
  return tx.$executeRaw`
    UPDATE "Delivery" SET status = 'pending', "nextAttemptAt" = ${utc(now)}::timestamp, "updatedAt" = ${utc(now)}::timestamp
    WHERE "webhookId" = ${webhookId} AND status = 'held'`;
}
