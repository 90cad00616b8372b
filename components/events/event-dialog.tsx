"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { CodeBlock } from "@/components/deliveries/code-block";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { describeOutcome } from "@/components/deliveries/outcome";
import { canReplay, type DeliverySelection } from "@/components/events/delivery-selection";
import { eventQuery, type EventDelivery, type EventDetail } from "@/components/events/queries";
import { ReplaySelectedButton } from "@/components/events/replay-selected";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { SkeletonText } from "@/components/ui/skeleton";
import { formatDate, formatRelative } from "@/lib/client/format";
import type { OrgRef } from "@/lib/client/org";

function attempts(count: number) {
  return count === 1 ? "1 attempt" : `${count} attempts`;
}

function LastResult({ delivery }: { delivery: EventDelivery }) {
  const tried = delivery.attemptCount > 0;
  const outcome = describeOutcome(delivery.lastResponseStatus, delivery.lastErrorClass, tried);
  const failed = tried && delivery.status !== "succeeded";
  return (
    <span>
      <span className={failed ? "text-red-700" : tried ? "text-zinc-900" : "text-zinc-500"}>{outcome}</span>
      {delivery.lastAttemptAt ? (
        <span className="text-zinc-500" title={formatDate(delivery.lastAttemptAt)}>
          {" "}
          · {formatRelative(delivery.lastAttemptAt)}
        </span>
      ) : null}
      {delivery.nextAttemptAt && delivery.status !== "succeeded" ? (
        <span className="text-zinc-500" title={formatDate(delivery.nextAttemptAt)}>
          {" "}
          · next attempt {formatRelative(delivery.nextAttemptAt)}
        </span>
      ) : null}
    </span>
  );
}

/** Picks a finished delivery for a replay; a delivery still on its way, or a test one, has no box. */
function SelectForReplay({
  event,
  delivery,
  selection,
}: {
  event: EventDetail;
  delivery: EventDelivery;
  selection: DeliverySelection;
}) {
  if (!canReplay(delivery)) return null;
  const checked = selection.selected.has(delivery.id);
  return (
    <Checkbox
      checked={checked}
      disabled={!checked && selection.full}
      onChange={(changed) => selection.toggle(event.id, delivery, changed.target.checked)}
      aria-label={`Select the delivery to ${delivery.webhookName} for a replay`}
    />
  );
}

function Deliveries({
  org,
  event,
  selection,
}: {
  org: OrgRef;
  event: EventDetail;
  selection: DeliverySelection | null;
}) {
  if (event.deliveries.length === 0) {
    return (
      <p className="rounded-card-inner border border-zinc-200 px-4 py-3 text-sm text-zinc-600">
        This event matched no webhook, so it was not sent anywhere. A webhook receives an event when the event&apos;s
        type is one of its triggers and its project is in the webhook&apos;s scope.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-zinc-100 rounded-card-inner border border-zinc-200 text-sm">
      {event.deliveries.map((delivery) => (
        <li key={delivery.id} data-testid="event-delivery" className="grid gap-1 px-4 py-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {selection ? <SelectForReplay event={event} delivery={delivery} selection={selection} /> : null}
            <Link
              href={`/${org.slug}/webhooks/${delivery.webhookId}`}
              className="font-medium text-zinc-900 hover:text-accent-700 hover:underline"
            >
              {delivery.webhookName}
            </Link>
            <DeliveryStatusBadge status={delivery.status} />
            {delivery.isTest ? <Badge tone="info">Test</Badge> : null}
            <span className="text-zinc-500">{attempts(delivery.attemptCount)}</span>
          </div>
          <LastResult delivery={delivery} />
          <span className="font-mono text-xs break-all text-zinc-500">{delivery.id}</span>
        </li>
      ))}
    </ul>
  );
}

function Facts({ event, projectKey }: { event: EventDetail; projectKey: string | null }) {
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">{event.type}</code>
      <span>{projectKey ? `Project ${projectKey}` : "No project"}</span>
      <span>Published {formatDate(event.createdAt)}</span>
    </span>
  );
}

/**
 * One event and where it went: each delivery's webhook, state and latest result; then its payload.
 * With a `selection` (a member who may replay), finished deliveries can be picked for a replay.
 */
export function EventDialog({
  org,
  eventId,
  projectKeys,
  selection,
  onReplaySelected,
  onClose,
}: {
  org: OrgRef;
  eventId: string;
  projectKeys: ReadonlyMap<string, string>;
  selection: DeliverySelection | null;
  onReplaySelected: () => void;
  onClose: () => void;
}) {
  const { data, isPending, error } = useQuery({
    ...eventQuery(org, eventId),
    // Until every delivery is settled, look again: the engine moves them on.
    refetchInterval: (query) =>
      query.state.data?.deliveries.some((delivery) => delivery.status === "pending" || delivery.status === "sending")
        ? 2_000
        : false,
  });
  const hasProperties = data && Object.keys(data.properties).length > 0;

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={
        <>
          Event <span className="font-mono text-sm font-normal break-all text-zinc-500">{eventId}</span>
        </>
      }
      description={
        data ? (
          <Facts
            event={data}
            projectKey={data.projectId ? (projectKeys.get(data.projectId) ?? data.projectId) : null}
          />
        ) : undefined
      }
      footer={
        <>
          {selection && selection.selected.size > 0 ? (
            <ReplaySelectedButton count={selection.selected.size} onClick={onReplaySelected} />
          ) : null}
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      {error ? (
        <Alert tone="danger" title="Could not load the event">
          {error.message}
        </Alert>
      ) : isPending ? (
        <SkeletonText lines={8} />
      ) : (
        <div className="grid max-h-[65vh] gap-5 overflow-y-auto">
          <section aria-labelledby="event-deliveries" className="grid grid-cols-1 gap-2">
            <h3 id="event-deliveries" className="text-sm font-medium text-zinc-900">
              Where it went
            </h3>
            {selection && data.deliveries.some(canReplay) ? (
              <p className="text-xs text-zinc-500">
                Tick a finished delivery to send it again: the selection is kept while you open other events.
              </p>
            ) : null}
            <Deliveries org={org} event={data} selection={selection} />
          </section>
          <section aria-labelledby="event-payload" className="grid grid-cols-1 gap-2">
            <h3 id="event-payload" className="text-sm font-medium text-zinc-900">
              Payload
            </h3>
            <CodeBlock label="Payload" text={JSON.stringify(data.payload)} />
          </section>
          {hasProperties ? (
            <section aria-labelledby="event-properties" className="grid grid-cols-1 gap-2">
              <h3 id="event-properties" className="text-sm font-medium text-zinc-900">
                Properties
              </h3>
              <CodeBlock label="Properties" text={JSON.stringify(data.properties)} />
            </section>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}
