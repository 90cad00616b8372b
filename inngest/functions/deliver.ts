import { inngest } from "@/inngest/client";
import { deliveryRequested } from "@/inngest/events";
import { healthEvent } from "@/inngest/signals";
import { abandonDelivery } from "@/lib/deliveries/abandon";
import { attemptDelivery } from "@/lib/deliveries/attempt";
import { reserveSendSlot } from "@/lib/deliveries/pacing";
import { emailWebhookDisabled } from "@/lib/deliveries/notify-owner";

// The longest schedule (custom) has 20 retries; the bound only guards against a runaway loop.
const maxAttempts = 22;

/**
 * One delivery from first try to success or give-up. Retries follow the webhook's own schedule
 * with durable sleeps: Inngest's retry budget cannot express CodeScoring's 48-hour ladder.
 */
export const deliver = inngest.createFunction(
  {
    id: "deliver",
    triggers: [deliveryRequested],
    retries: 5,
    onFailure: async ({ event }) => abandonDelivery(event.data.event.data.deliveryId),
  },
  async ({ event, step }) => {
    const { deliveryId, collectForMs, webhookId, rateLimited } = event.data;
    if (collectForMs > 0) await step.sleep("collect the batch", collectForMs);
    for (let number = 1; number <= maxAttempts; number++) {
      const waitMs = rateLimited ? await step.run(`reserve a send slot for attempt ${number}`, () => reserveSendSlot(webhookId)) : 0;
      if (waitMs > 0) await step.sleep(`wait for the rate limit before attempt ${number}`, waitMs);
      const report = await step.run(`attempt ${number}`, () => attemptDelivery(deliveryId, "scheduled"));
      const signal = report.signal;
      if (signal?.kind === "disabled") await step.run(`email the owner: disabled`, () => emailWebhookDisabled(signal.webhookId, signal.reason));
      const announcement = signal && report.orgId ? healthEvent(report.orgId, signal) : null;
      if (announcement) await step.sendEvent(`announce ${signal?.kind} after attempt ${number}`, announcement);
      if (report.retryInMs === null) return { status: report.status, attempts: number };
      await step.sleep(`wait before attempt ${number + 1}`, report.retryInMs);
    }
    return { status: "retrying", attempts: maxAttempts };
  },
);
