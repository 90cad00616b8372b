import { inngest } from "@/inngest/client";
import { recoverRequested } from "@/inngest/events";
import { healthEvent } from "@/inngest/signals";
import { attemptDelivery } from "@/lib/deliveries/attempt";
import { emailWebhookDisabled } from "@/lib/deliveries/notify-owner";

/** "Recover since": every listed failed delivery is sent once more, oldest first, each its own durable step. */
export const recover = inngest.createFunction({ id: "recover", triggers: [recoverRequested], retries: 5 }, async ({ event, step }) => {
  let succeeded = 0;
  for (const deliveryId of event.data.deliveryIds) {
    // Only deliveries still failed: one recovered meanwhile (a Retry, an earlier recover) is not sent again.
    const report = await step.run(`resend ${deliveryId}`, () => attemptDelivery(deliveryId, "manual", { onlyFailed: true }));
    if (report.success) succeeded++;
    const signal = report.signal;
    if (signal?.kind === "disabled") await step.run(`email the owner: disabled after ${deliveryId}`, () => emailWebhookDisabled(signal.webhookId, signal.reason));
    const announcement = report.signal ? healthEvent(event.data.orgId, report.signal) : null;
    if (announcement) await step.sendEvent(`announce after ${deliveryId}`, announcement);
  }
  return { resent: event.data.deliveryIds.length, succeeded };
});
