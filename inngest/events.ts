import { eventType } from "inngest";
import { z } from "zod";

/** Every event the hub's functions trade. Payloads carry ids only: the rows are the truth. */
export const eventPublished = eventType("hub/event.published", {
  schema: z.object({ eventId: z.string(), orgId: z.string() }),
});

/** Starts a delivery's run; a batch first waits `collectForMs` for more events; a rate-limited webhook paces its sends. */
export const deliveryRequested = eventType("hub/delivery.requested", {
  schema: z.object({ deliveryId: z.string(), webhookId: z.string(), collectForMs: z.number().int().min(0), rateLimited: z.boolean() }),
});

/** Re-send the listed failed deliveries of a webhook, once each (the dashboard's "recover since"). */
export const recoverRequested = eventType("hub/webhook.recover.requested", {
  schema: z.object({ webhookId: z.string(), orgId: z.string(), deliveryIds: z.array(z.string()) }),
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
