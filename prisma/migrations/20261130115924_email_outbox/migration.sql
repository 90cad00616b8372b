-- AlterTable
ALTER TABLE "Email" ADD COLUMN     "bodyEncrypted" TEXT,
ADD COLUMN     "claimedAt" TIMESTAMP(3);

-- Emails left queued before this change have no body to send (their links were blanked), so they
-- are recorded as never sent instead of being picked up by the sweep.
UPDATE "Email" SET "status" = 'failed', "error" = 'Not sent: the hub stopped before sending it.' WHERE "status" = 'queued';
