import { deliveryStatuses } from "@/components/deliveries/delivery-status-badge";
import type { DeliveryStatus } from "@/components/deliveries/queries";
import type { EventRow } from "@/components/events/queries";
import { Badge } from "@/components/ui/badge";

// Worst first: what needs a look leads.
const order: DeliveryStatus[] = ["failed", "retrying", "held", "sending", "pending", "succeeded"];

/** Where an event went, at a glance: "2 Succeeded · 1 Failed", or that it matched no webhook. */
export function DeliveryCounts({ counts }: { counts: EventRow["deliveryCounts"] }) {
  const shown = order.filter((status) => counts[status] > 0);
  if (shown.length === 0) return <span className="text-zinc-500">No webhook</span>;
  return (
    <span className="flex flex-wrap gap-1.5">
      {shown.map((status) => {
        const { label, tone, description } = deliveryStatuses[status];
        return (
          <Badge key={status} tone={tone} dot title={description}>
            {counts[status]} {label.toLowerCase()}
          </Badge>
        );
      })}
    </span>
  );
}

/** The deliveries in flight (queued or sending): while any is, the screen looks again soon. */
export const inFlight = (counts: EventRow["deliveryCounts"]) => counts.pending + counts.sending > 0;
