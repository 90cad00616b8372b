import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { activationRequested } from "@/lib/jobs/events";
import { enqueueJob } from "@/lib/jobs/job-outbox";

/**
 * Queues the activation test event of a webhook that became pending, in the transaction that made
 * it pending: the change is never saved without its test event on the way. Send the returned job
 * once the transaction has committed (`sendJobs`); if Inngest is unreachable then, the sweep sends it.
 */
export function requestActivation(tx: Prisma.TransactionClient, orgId: string, webhookId: string): Promise<string> {
  return enqueueJob(tx, activationRequested.create({ orgId, webhookId }));
}
