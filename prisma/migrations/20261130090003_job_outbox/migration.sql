-- CreateTable
CREATE TABLE "JobOutbox" (
    "id" TEXT NOT NULL DEFAULT ('job_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "JobOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobOutbox_sentAt_createdAt_idx" ON "JobOutbox"("sentAt", "createdAt");
