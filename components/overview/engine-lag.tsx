import { Alert } from "@/components/ui/alert";
import { formatAge } from "@/lib/client/format";
import type { EngineLag } from "@/lib/observability/engine-lag";

// Past this, work is waiting on the engine rather than on a schedule: a stall shows here within a minute.
export const engineLagWarningMs = 60_000;

/**
 * How far the delivery engine is behind for this org, and a warning when it has stalled. A backlog
 * a webhook's run is working through at its receiver's pace (slow, failing or not answering) is
 * the receiver's, not the engine's: it shows in the figures, not as a stall.
 */
export function EngineLagNotice({ lag }: { lag: EngineLag }) {
  const behind = Math.max(lag.oldestUndispatchedEventAgeMs, lag.oldestUnattendedDeliveryAgeMs);
  const detail = `Oldest event not yet fanned out: ${lag.oldestUndispatchedEventAgeMs === 0 ? "none" : formatAge(lag.oldestUndispatchedEventAgeMs)}. Oldest delivery past its due time: ${lag.oldestDueDeliveryAgeMs === 0 ? "none" : formatAge(lag.oldestDueDeliveryAgeMs)}.`;
  if (behind <= engineLagWarningMs) {
    const receiverBound = lag.oldestDueDeliveryAgeMs > engineLagWarningMs;
    return (
      <p className="text-sm text-zinc-600">
        <span className="font-medium text-emerald-700">Delivery engine up to date.</span> {detail}
        {receiverBound &&
          " It is being sent at its receiver's pace: a receiver that answers slowly or not at all keeps a queue."}
      </p>
    );
  }
  return (
    <Alert tone="warning" title={`The delivery engine is ${formatAge(behind)} behind`}>
      {detail} Deliveries go out late until it catches up; if this grows, check that the Inngest functions are being
      served.
    </Alert>
  );
}
