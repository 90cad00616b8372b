import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { inngest } from "@/lib/jobs/client";
import { inBackground } from "@/lib/jobs/background-hand-overs";
import { logger } from "@/lib/observability/logger";
import { utc } from "@/lib/utc";

type Tx = Prisma.TransactionClient;

export interface JobEvent {
  name: string;
  data: Record<string, unknown>;
}

// A job unsent for this long lost its send (Inngest unreachable, or the process died after the commit).
const lostAfterMs = 30_000;
const sweepBatch = 500;

/**
 * Follow-up work of a change, as an Inngest event written in the change's own transaction: the
 * change and its follow-up commit together or not at all. Send the returned id once the
 * transaction has committed (`sendJobs`); the sweep sends any a failure left behind.
 */
export async function enqueueJob(tx: Tx, event: JobEvent): Promise<string> {
  const row = await tx.jobOutbox.create({
    data: { name: event.name, data: event.data as Prisma.InputJsonObject },
    select: { id: true },
  });
  return row.id;
}

/**
 * Sends queued jobs to Inngest, each under its row's id (a job sent twice is a duplicate Inngest
 * drops), and marks them sent. Never throws: what could not be sent stays queued for the sweep.
 */
export async function sendJobs(ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const jobs = await db.jobOutbox.findMany({ where: { id: { in: ids }, sentAt: null } });
  if (jobs.length === 0) return 0;
  try {
    await inngest.send(jobs.map((job) => ({ id: job.id, name: job.name, data: job.data as Record<string, unknown> })));
    await db.jobOutbox.updateMany({ where: { id: { in: jobs.map((job) => job.id) } }, data: { sentAt: new Date() } });
    return jobs.length;
  } catch (error) {
    logger.warn({ err: error, jobs: jobs.length }, "Could not send follow-up jobs to Inngest; the sweep sends them");
    return 0;
  }
}

/** Sends queued jobs without the caller waiting on Inngest, whose client retries for seconds when it is unreachable. */
export function handOverJobs(ids: string[]): void {
  if (ids.length > 0) void inBackground(sendJobs(ids));
}

/** The sweep's part: jobs left unsent for a while are sent now, oldest first. Returns how many went. */
export async function sendLostJobs(now = new Date()): Promise<number> {
  const lost = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "JobOutbox" WHERE "sentAt" IS NULL AND "createdAt" < ${utc(new Date(now.getTime() - lostAfterMs))}::timestamp
    ORDER BY "createdAt" LIMIT ${sweepBatch}`;
  return sendJobs(lost.map((job) => job.id));
}

// Sent jobs are kept this long: enough to see what went out, and above Inngest's 24 h de-duplication window.
const keepSentMs = 7 * 24 * 3_600_000;

/** The hourly purge's part: jobs sent more than a week ago. */
export async function purgeSentJobs(now = new Date()): Promise<number> {
  const { count } = await db.jobOutbox.deleteMany({ where: { sentAt: { lt: new Date(now.getTime() - keepSentMs) } } });
  return count;
}
