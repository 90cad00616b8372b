-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "activatedAt" TIMESTAMP(3);
