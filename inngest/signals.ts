import { deliveryRequested, webhookFailing, webhookRecovered } from "@/inngest/events";
import type { DeliveryToStart } from "@/lib/deliveries/fan-out";
import type { HealthSignal } from "@/lib/deliveries/health";

/** The event that starts a delivery's run; its id makes starting the same delivery twice a no-op. */
export const startDeliveryEvent = ({ deliveryId, webhookId, collectForMs, rateLimited }: DeliveryToStart) =>
  deliveryRequested.create({ deliveryId, webhookId, collectForMs, rateLimited }, { id: `deliver-${deliveryId}` });

/** A webhook's change of health as an event: failing starts the escalation clock, recovered stops it. One per incident. */
export function healthEvent(orgId: string, signal: HealthSignal) {
  if (signal.kind === "failing") {
    return webhookFailing.create({ webhookId: signal.webhookId, orgId, failingSince: signal.failingSince }, { id: `failing-${signal.webhookId}-${signal.failingSince}` });
  }
  if (signal.kind === "recovered") return webhookRecovered.create({ webhookId: signal.webhookId, orgId });
  return null;
}
