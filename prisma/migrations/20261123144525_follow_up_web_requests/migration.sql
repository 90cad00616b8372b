-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "followUp" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "followUpUrls" TEXT[] DEFAULT ARRAY[]::TEXT[];
