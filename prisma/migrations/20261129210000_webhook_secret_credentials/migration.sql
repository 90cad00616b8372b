-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "followUpCredentialsEncrypted" TEXT,
ADD COLUMN     "secretHeadersEncrypted" TEXT;
