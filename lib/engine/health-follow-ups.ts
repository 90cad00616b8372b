import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { HealthSignal } from "@/lib/engine/health";
import { queueWebhookDisabledEmails } from "@/lib/engine/notify-owner";
import { enqueueJob, sendJobs } from "@/lib/jobs/job-outbox";
import { healthEvent } from "@/lib/jobs/signals";
import { sendQueuedEmails } from "@/lib/mail/send";

export interface QueuedFollowUps {
  jobs: string[];
  emails: string[];
}

export const noFollowUps: QueuedFollowUps = { jobs: [], emails: [] };

/**
 * What a webhook's change of health sets off outside the database (the escalation clock started or
 * stopped, the owner emailed when it is disabled), queued in the transaction that changed it, so
 * neither is lost to a crash or an outage after the commit. Hand them over with `sendFollowUps`
 * once it has committed; the sweep sends what that could not.
 */
export async function queueHealthFollowUps(
  tx: Prisma.TransactionClient,
  orgId: string,
  signal: HealthSignal | null,
): Promise<QueuedFollowUps> {
  if (!signal) return noFollowUps;
  const announcement = healthEvent(orgId, signal);
  return {
    jobs: announcement ? [await enqueueJob(tx, announcement)] : [],
    emails: signal.kind === "disabled" ? await queueWebhookDisabledEmails(tx, signal.webhookId, signal.reason) : [],
  };
}

/** Sends what a committed change queued. Never throws: what does not go now stays queued for the sweep. */
export async function sendFollowUps({ jobs, emails }: QueuedFollowUps): Promise<void> {
  await Promise.all([sendJobs(jobs), sendQueuedEmails(emails)]);
}
