-- CreateEnum
CREATE TYPE "JoinPolicy" AS ENUM ('invitation_only', 'email_domain');

-- CreateEnum
CREATE TYPE "JoinRole" AS ENUM ('member', 'admin');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "joinDomains" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "joinPolicy" "JoinPolicy" NOT NULL DEFAULT 'invitation_only',
ADD COLUMN     "joinRole" "JoinRole" NOT NULL DEFAULT 'member';

-- CreateIndex
CREATE INDEX "Organization_joinDomains_idx" ON "Organization" USING GIN ("joinDomains" array_ops);
