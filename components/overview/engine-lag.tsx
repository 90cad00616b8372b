import { Alert } from "@/components/ui/alert";
import { formatAge } from "@/lib/client/format";
import type { EngineLag } from "@/lib/observability/engine-lag";

// Past this, work is waiting on the engine rather than on a schedule: a stall shows here within a minute.
export const engineLagWarningMs = 60_000;

/** How far the delivery engine is behind for this org, and a warning when it has stalled. */
export function EngineLagNotice({ lag }: { lag: EngineLag }) {
  const behind = Math.max(lag.oldestUndispatchedEventAgeMs, lag.oldestDueDeliveryAgeMs);
  const detail = `Oldest event not yet fanned out: ${lag.oldestUndispatchedEventAgeMs === 0 ? "none" : formatAge(lag.oldestUndispatchedEventAgeMs)}. Oldest delivery past its due time: ${lag.oldestDueDeliveryAgeMs === 0 ? "none" : formatAge(lag.oldestDueDeliveryAgeMs)}.`;
  if (behind <= engineLagWarningMs) {
    return (
      <p className="text-sm text-zinc-600">
        <span className="font-medium text-emerald-700">Delivery engine up to date.</span> {detail}
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
