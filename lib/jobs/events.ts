import { eventType } from "inngest";
import { z } from "zod";

/** Every event the hub's functions trade. Payloads carry ids only: the rows are the truth. */

/** A webhook has deliveries due: its run sends them (one run per webhook at a time), then sleeps until the next is due. */
export const webhookDue = eventType("hub/webhook.due", {
  schema: z.object({ webhookId: z.string(), orgId: z.string() }),
});

/** A webhook started failing: the escalation clock starts (once per incident). */
export const webhookFailing = eventType("hub/webhook.failing", {
  schema: z.object({ webhookId: z.string(), orgId: z.string(), failingSince: z.string() }),
});

export const webhookRecovered = eventType("hub/webhook.recovered", {
  schema: z.object({ webhookId: z.string(), orgId: z.string() }),
});

/** A new webhook, or one whose URL changed, gets its activation test event. */
export const activationRequested = eventType("hub/webhook.activation.requested", {
  schema: z.object({ webhookId: z.string(), orgId: z.string() }),
});
