import { actionsColumn, timeColumn, type DataTableColumns } from "@/components/data/data-table";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { describeOutcome, formatDuration } from "@/components/deliveries/outcome";
import type { DeliverySummary } from "@/components/deliveries/queries";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDate, formatRelative } from "@/lib/client/format";

export interface DeliveryRowActions {
  onOpen: (id: string) => void;
  /** Absent for members who may not retry. */
  onRetry?: (id: string) => void;
  retryingId: string | null;
}

function EventTypes({ delivery }: { delivery: DeliverySummary }) {
  const [first, ...rest] = delivery.eventTypes;
  return (
    <span className="flex items-center gap-1.5" title={delivery.eventTypes.join(", ")}>
      {first ? (
        <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">{first}</code>
      ) : null}
      {rest.length > 0 ? <span className="text-xs text-zinc-500">+{rest.length}</span> : null}
      {delivery.eventCount > 1 ? <span className="text-xs text-zinc-500">({delivery.eventCount} events)</span> : null}
    </span>
  );
}

function Result({ delivery }: { delivery: DeliverySummary }) {
  const outcome = describeOutcome(delivery.lastResponseStatus, delivery.lastErrorClass, delivery.attemptCount > 0);
  return (
    <span className="whitespace-nowrap">
      <span
        className={
          delivery.status === "succeeded"
            ? "text-zinc-900"
            : delivery.attemptCount > 0
              ? "text-red-700"
              : "text-zinc-500"
        }
      >
        {outcome}
      </span>
      {delivery.lastDurationMs !== null ? (
        <span className="text-zinc-500"> · {formatDuration(delivery.lastDurationMs)}</span>
      ) : null}
    </span>
  );
}

/** A webhook's deliveries as table columns: status, last result, events, attempts and times, view and retry. */
export function deliveryColumns({
  onOpen,
  onRetry,
  retryingId,
}: DeliveryRowActions): DataTableColumns<DeliverySummary> {
  return [
    {
      header: "Status",
      cell: (delivery) => (
        <span className="flex items-center gap-1.5">
          <DeliveryStatusBadge status={delivery.status} />
          {delivery.isTest ? <Badge tone="info">Test</Badge> : null}
        </span>
      ),
    },
    { header: "Last result", cell: (delivery) => <Result delivery={delivery} /> },
    { header: "Events", cell: (delivery) => <EventTypes delivery={delivery} /> },
    { header: "Attempts", className: "tabular-nums", cell: (delivery) => delivery.attemptCount },
    {
      header: "Last attempt",
      className: "whitespace-nowrap text-zinc-500",
      title: (delivery) => formatDate(delivery.lastAttemptAt ?? delivery.createdAt),
      cell: (delivery) =>
        delivery.lastAttemptAt
          ? formatRelative(delivery.lastAttemptAt)
          : `Created ${formatRelative(delivery.createdAt)}`,
    },
    timeColumn("Next attempt", (delivery) => delivery.nextAttemptAt),
    actionsColumn((delivery) => (
      <>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`View delivery ${delivery.id}`}
          onClick={() => onOpen(delivery.id)}
        >
          View
        </Button>
        {onRetry ? (
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Retry delivery ${delivery.id}`}
            loading={retryingId === delivery.id}
            disabled={delivery.status === "sending"}
            onClick={() => onRetry(delivery.id)}
          >
            Retry
          </Button>
        ) : null}
      </>
    )),
  ];
}
