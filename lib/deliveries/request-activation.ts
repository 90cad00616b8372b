import { inngest } from "@/inngest/client";
import { activationRequested } from "@/inngest/events";

/**
 * Asks for the activation test event of a webhook that became pending. If Inngest is unreachable
 * the webhook simply stays pending: "Send test event" (refresh availability) activates it by hand.
 */
export async function requestActivation(orgId: string, webhookId: string): Promise<void> {
  try {
    await inngest.send(activationRequested.create({ orgId, webhookId }));
  } catch (error) {
    console.warn(`Could not request activation of ${webhookId}; it stays pending until tested: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
  }
}
