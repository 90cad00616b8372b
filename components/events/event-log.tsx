"use client";

import { useInfiniteQuery, useQuery, type InfiniteData } from "@tanstack/react-query";
import { InboxIcon } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { DataTable, actionsColumn, infiniteRows, timeColumn } from "@/components/data/data-table";
import { DeliveryCounts, inFlight } from "@/components/events/delivery-counts";
import { useDeliverySelection } from "@/components/events/delivery-selection";
import { EventDialog } from "@/components/events/event-dialog";
import { EventFilters } from "@/components/events/event-filters";
import {
  eventLogSearch,
  filterParams,
  hasFilters,
  openEventParam,
  parseEventFilters,
  type EventFilters as Filters,
} from "@/components/events/filters";
import { eventsQuery, type EventRow } from "@/components/events/queries";
import { ReplayFailed } from "@/components/events/replay-failed";
import { ReplaySelectedDialog } from "@/components/events/replay-selected";
import { SelectionBar } from "@/components/events/selection-bar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ApiError } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import { eventTypesQuery } from "@/lib/event-types/queries";
import type { Page } from "@/lib/http/pagination";
import { projectsQuery } from "@/lib/projects/queries";

// Deliveries move on in the engine, not on this page: look again, sooner while one is on its way.
const inFlightPollMs = 3_000;
const idlePollMs = 15_000;

function pollInterval(data: InfiniteData<Page<EventRow>> | undefined): number {
  const moving = data?.pages.some((page) => page.data.some((event) => inFlight(event.deliveryCounts)));
  return moving ? inFlightPollMs : idlePollMs;
}

/** A refused search says which field to fix, not only that the request was not valid. */
function readableError(error: Error | null): Error | null {
  if (!(error instanceof ApiError)) return error;
  const problems = Object.values(error.fieldErrors());
  return problems.length > 0 ? new Error(problems.join(" ")) : error;
}

/**
 * The org's event log: every event published, newest first, with where it went (its deliveries
 * per state). The search and the open event live in the URL's query, so a view can be shared and
 * survives a reload; the browser's back button steps through earlier searches.
 */
export function EventLog({ org, canReplay }: { org: OrgRef; canReplay: boolean }) {
  const searchParams = useSearchParams();
  const filters = useMemo(() => parseEventFilters(searchParams), [searchParams]);
  const openId = searchParams.get(openEventParam);
  const events = useInfiniteQuery({
    ...eventsQuery(org, filters),
    refetchInterval: (query) => pollInterval(query.state.data),
  });
  const eventTypes = useQuery(eventTypesQuery(org)).data?.data.map((type) => type.name) ?? [];
  const projects = useQuery(projectsQuery(org)).data?.data;
  const projectKeys = useMemo(() => new Map((projects ?? []).map((project) => [project.id, project.key])), [projects]);
  const { error, ...list } = infiniteRows(events);
  const filtered = hasFilters(filters);
  const selection = useDeliverySelection();
  const [confirmingReplay, setConfirmingReplay] = useState(false);

  // Next.js keeps useSearchParams in step with the native history API: no server round trip.
  const show = (next: Filters, event: string | null, how: "push" | "replace") => {
    const url = `${window.location.pathname}${eventLogSearch(next, event)}`;
    if (how === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };
  const open = (id: string | null) => show(filters, id, "replace");

  return (
    <>
      <PageHeader
        title="Events"
        actions={canReplay ? <ReplayFailed org={org} filters={filters} /> : null}
        description="Every event published to this organization, newest first, and where each one went. Search by the text in its payload, its id or a delivery's id to answer “we never got it”."
      />
      <EventFilters
        // Reset the form's fields whenever the filters change, here or through the browser's history.
        key={filterParams(filters).toString()}
        filters={filters}
        eventTypes={eventTypes}
        projects={projects ?? []}
        onChange={(next) => show(next, null, "push")}
      />
      {canReplay ? (
        <SelectionBar
          count={selection.selected.size}
          onReplay={() => setConfirmingReplay(true)}
          onClear={selection.clear}
        />
      ) : null}
      <DataTable<EventRow>
        caption="Events"
        columns={[
          {
            header: "Event",
            rowHeader: true,
            cell: (event) => (
              <span className="grid grid-cols-1 gap-0.5">
                <code className="w-fit rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">
                  {event.type}
                </code>
                <span className="font-mono text-xs text-zinc-500">{event.id}</span>
              </span>
            ),
          },
          {
            header: "Project",
            className: "whitespace-nowrap",
            cell: (event) =>
              event.projectId ? (
                <span className="font-mono text-xs">{projectKeys.get(event.projectId) ?? event.projectId}</span>
              ) : (
                <span className="text-zinc-500">None</span>
              ),
          },
          timeColumn("Published", (event: EventRow) => event.createdAt),
          {
            header: "Deliveries",
            cell: (event) => {
              const picked = selection.perEvent.get(event.id) ?? 0;
              return (
                <span className="flex flex-wrap items-center gap-1.5">
                  <DeliveryCounts counts={event.deliveryCounts} />
                  {picked > 0 ? <Badge tone="info">{picked} selected</Badge> : null}
                </span>
              );
            },
          },
          actionsColumn((event) => (
            <Button variant="ghost" size="sm" aria-label={`View event ${event.id}`} onClick={() => open(event.id)}>
              View
            </Button>
          )),
        ]}
        onRowClick={(event) => open(event.id)}
        rowProps={() => ({ "data-testid": "event-row" })}
        {...list}
        error={readableError(error)}
        errorTitle="Could not load the events"
        empty={
          <EmptyState
            bordered
            icon={<InboxIcon className="size-5" />}
            title={filtered ? "No events match this search" : "No events yet"}
            description={
              filtered
                ? "Check the id or the text, widen the time range, or clear the filters."
                : "Events your systems publish to POST /api/v1/events appear here, with the webhooks each one went to."
            }
          />
        }
      />
      {openId ? (
        <EventDialog
          org={org}
          eventId={openId}
          projectKeys={projectKeys}
          selection={canReplay ? selection : null}
          onReplaySelected={() => setConfirmingReplay(true)}
          onClose={() => open(null)}
        />
      ) : null}
      {/* After the event's dialog, so it opens above it. */}
      {canReplay ? (
        <ReplaySelectedDialog
          org={org}
          selection={selection}
          open={confirmingReplay}
          onClose={() => setConfirmingReplay(false)}
        />
      ) : null}
    </>
  );
}
