"use client";

import { useQuery } from "@tanstack/react-query";
import { AttemptDetails } from "@/components/deliveries/attempt-details";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { deliveryQuery, type DeliveryDetail } from "@/components/deliveries/queries";
import { useRetryDelivery } from "@/components/deliveries/use-retry-delivery";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SkeletonText } from "@/components/ui/skeleton";
import type { OrgRef } from "@/lib/client/org";
import { formatDate, formatRelative } from "@/lib/client/format";

function Events({ events }: { events: DeliveryDetail["events"] }) {
  return (
    <section aria-labelledby="delivery-events" className="grid grid-cols-1 gap-2">
      <h3 id="delivery-events" className="text-sm font-medium text-zinc-900">
        {events.length === 1 ? "Event" : `${events.length} events`}
      </h3>
      <ul className="divide-y divide-zinc-100 rounded-card-inner border border-zinc-200 text-sm">
        {events.map((event) => (
          <li key={event.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
            <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">{event.type}</code>
            <span className="font-mono text-xs text-zinc-500">{event.id}</span>
            <span className="ml-auto text-xs text-zinc-500">{formatDate(event.createdAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Attempts({ attempts }: { attempts: DeliveryDetail["attempts"] }) {
  if (attempts.length === 0) return <p className="text-sm text-zinc-500">No attempt yet: the first one is queued.</p>;
  const newestFirst = [...attempts].reverse();
  return (
    <section aria-label="Attempts" className="grid grid-cols-1 gap-2">
      {newestFirst.map((attempt, index) => (
        <AttemptDetails key={attempt.id} attempt={attempt} open={index === 0} />
      ))}
    </section>
  );
}

function Facts({ delivery }: { delivery: DeliveryDetail }) {
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <DeliveryStatusBadge status={delivery.status} />
      {delivery.isTest ? <Badge tone="info">Test</Badge> : null}
      <span>Created {formatDate(delivery.createdAt)}</span>
      {delivery.nextAttemptAt ? <span>Next attempt {formatRelative(delivery.nextAttemptAt)}</span> : null}
    </span>
  );
}

/** One delivery: the events it carries and every attempt's request and response, newest attempt open. */
export function DeliveryDialog({
  org,
  webhookId,
  deliveryId,
  canRetry,
  onClose,
}: {
  org: OrgRef;
  webhookId: string;
  deliveryId: string;
  canRetry: boolean;
  onClose: () => void;
}) {
  const { data, isPending, error } = useQuery({
    ...deliveryQuery(org, deliveryId),
    refetchInterval: (query) => (query.state.data?.status === "sending" ? 2_000 : false),
  });
  const retry = useRetryDelivery(org, webhookId);

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      // The dialog itself, not its first button: that would be "Retry now", one Enter from a re-send.
      initialFocus="dialog"
      title={
        <>
          Delivery <span className="font-mono text-sm font-normal text-zinc-500">{deliveryId}</span>
        </>
      }
      description={data ? <Facts delivery={data} /> : undefined}
      footer={
        <>
          {canRetry ? (
            <Button
              variant="secondary"
              loading={retry.isPending}
              disabled={data?.status === "sending"}
              onClick={() => retry.mutate(deliveryId)}
            >
              Retry now
            </Button>
          ) : null}
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      {error ? (
        <Alert tone="danger" title="Could not load the delivery">
          {error.message}
        </Alert>
      ) : isPending ? (
        <SkeletonText lines={8} />
      ) : (
        <div className="grid max-h-[65vh] gap-5 overflow-y-auto">
          <Events events={data.events} />
          <Attempts attempts={data.attempts} />
        </div>
      )}
    </Dialog>
  );
}
