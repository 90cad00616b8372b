-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'held';

-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "activationRequired" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "disableOnGone" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "portfolioId" TEXT;

-- CreateTable
CREATE TABLE "Portfolio" (
    "id" TEXT NOT NULL DEFAULT ('pfl_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Portfolio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_PortfolioProjects" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_PortfolioProjects_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Portfolio_orgId_name_key" ON "Portfolio"("orgId", "name");

-- CreateIndex
CREATE INDEX "_PortfolioProjects_B_index" ON "_PortfolioProjects"("B");

-- AddForeignKey
ALTER TABLE "Portfolio" ADD CONSTRAINT "Portfolio_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_portfolioId_fkey" FOREIGN KEY ("portfolioId") REFERENCES "Portfolio"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_PortfolioProjects" ADD CONSTRAINT "_PortfolioProjects_A_fkey" FOREIGN KEY ("A") REFERENCES "Portfolio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_PortfolioProjects" ADD CONSTRAINT "_PortfolioProjects_B_fkey" FOREIGN KEY ("B") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Activation and "410 disables" default by preset: activation on for Standard Webhooks and
-- DeepSource, 410 disabling only for Standard Webhooks (the other seeds never disable on one status).
UPDATE "Webhook" SET "activationRequired" = format::text IN ('standard', 'deepsource'), "disableOnGone" = format::text = 'standard';

-- Pending webhooks of presets that no longer activate by test event start delivering.
UPDATE "Webhook" SET status = 'active', "statusReason" = NULL
WHERE status = 'pending' AND format::text NOT IN ('standard', 'deepsource');
