import { useId } from "react";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { describeOutcome, formatDuration } from "@/components/deliveries/outcome";
import type { DeliverySummary } from "@/components/deliveries/queries";
import { Button } from "@/components/ui/button";
import { formatDate, formatRelative } from "@/lib/client/format";

/** SonarQube's "latest result and timestamp", above the full history. */
export function LatestDelivery({ delivery, onOpen }: { delivery: DeliverySummary; onOpen: (id: string) => void }) {
  const at = delivery.lastAttemptAt ?? delivery.createdAt;
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-card-inner border border-zinc-200 bg-surface px-4 py-3 text-sm"
      data-testid="latest-delivery"
    >
      <span id={titleId} className="font-medium text-zinc-900">
        Latest delivery
      </span>
      <DeliveryStatusBadge status={delivery.status} />
      <span className="text-zinc-700">
        {describeOutcome(delivery.lastResponseStatus, delivery.lastErrorClass, delivery.attemptCount > 0)}
        {delivery.lastDurationMs !== null ? ` · ${formatDuration(delivery.lastDurationMs)}` : null}
      </span>
      <span className="text-zinc-500" title={formatDate(at)}>
        {formatRelative(at)}
      </span>
      <Button variant="ghost" size="sm" className="ml-auto" onClick={() => onOpen(delivery.id)}>
        View payload and response
      </Button>
    </section>
  );
}
