-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "nextSendAt" TIMESTAMP(3);
