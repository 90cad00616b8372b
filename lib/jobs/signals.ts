import { webhookFailing, webhookRecovered } from "@/lib/jobs/events";
import type { HealthSignal } from "@/lib/engine/health";

/** A webhook's change of health as an event: failing starts the escalation clock, recovered stops it. One per incident. */
export function healthEvent(orgId: string, signal: HealthSignal) {
  if (signal.kind === "failing") {
    return webhookFailing.create(
      { webhookId: signal.webhookId, orgId, failingSince: signal.failingSince },
      { id: `failing-${signal.webhookId}-${signal.failingSince}` },
    );
  }
  if (signal.kind === "recovered") return webhookRecovered.create({ webhookId: signal.webhookId, orgId });
  return null;
}
