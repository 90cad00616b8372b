import "server-only";
import { inngest } from "@/lib/jobs/client";
import { webhookFailing, webhookRecovered } from "@/lib/jobs/events";
import { escalateIfStillFailing } from "@/lib/engine/notify-owner";

export const escalationDelay = "36h";

/**
 * SecurityScorecard: 36 hours after a webhook starts failing, its owner is emailed, once per
 * incident. A recovery in between cancels the wait.
 */
export const escalate = inngest.createFunction(
  {
    id: "escalate",
    triggers: [webhookFailing],
    cancelOn: [{ event: webhookRecovered, match: "data.webhookId" }],
  },
  async ({ event, step }) => {
    await step.sleep("wait 36 hours", escalationDelay);
    const emailed = await step.run("email the owner", () =>
      escalateIfStillFailing(event.data.webhookId, event.data.failingSince),
    );
    return { emailed };
  },
);
