-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "resendOnce" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "drainingSince" TIMESTAMP(3),
ADD COLUMN     "engineWakeAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Delivery_webhookId_status_nextAttemptAt_idx" ON "Delivery"("webhookId", "status", "nextAttemptAt");

-- Deliveries the previous engine left waiting become due now, for the per-webhook engine to send.
UPDATE "Delivery" SET "nextAttemptAt" = CURRENT_TIMESTAMP WHERE "status" IN ('pending', 'retrying') AND "nextAttemptAt" IS NULL;

-- Pacing now happens inside the per-webhook run; the booked send slot is gone.
ALTER TABLE "Webhook" DROP COLUMN "nextSendAt";
