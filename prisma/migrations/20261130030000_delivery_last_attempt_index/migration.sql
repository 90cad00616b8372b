-- CreateIndex
CREATE INDEX "Delivery_orgId_webhookId_lastAttemptAt_idx" ON "Delivery"("orgId", "webhookId", "lastAttemptAt");
