-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "eventCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "payloadBytes" INTEGER NOT NULL DEFAULT 0,
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

-- What each delivery carries, counted once, so joining a batch reads one row instead of its links.
UPDATE "Delivery" d SET "eventCount" = c.events, "payloadBytes" = c.bytes
FROM (SELECT de."deliveryId", count(*)::int AS events, COALESCE(sum(octet_length(e.payload::text)), 0)::int AS bytes
      FROM "DeliveryEvent" de JOIN "Event" e ON e.id = de."eventId" GROUP BY de."deliveryId") c
WHERE d.id = c."deliveryId";
