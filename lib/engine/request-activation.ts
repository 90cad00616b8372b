import "server-only";
import { inngest } from "@/lib/jobs/client";
import { activationRequested } from "@/lib/jobs/events";
import { logger } from "@/lib/observability/logger";

/**
 * Asks for the activation test event of a webhook that became pending. If Inngest is unreachable
 * the webhook simply stays pending: "Send test event" (refresh availability) activates it by hand.
 */
export async function requestActivation(orgId: string, webhookId: string): Promise<void> {
  try {
    await inngest.send(activationRequested.create({ orgId, webhookId }));
  } catch (error) {
    logger.warn({ err: error, webhookId }, "Could not request activation; the webhook stays pending until tested");
  }
}
