"use client";

import { useInfiniteQuery, useQuery, type InfiniteData } from "@tanstack/react-query";
import { ListIcon } from "lucide-react";
import { useState } from "react";
import { DataTable, infiniteRows } from "@/components/data/data-table";
import { deliveryColumns } from "@/components/deliveries/delivery-columns";
import { DeliveryDialog } from "@/components/deliveries/delivery-dialog";
import { DeliveryFilters } from "@/components/deliveries/delivery-filters";
import { LatestDelivery } from "@/components/deliveries/latest-delivery";
import {
  deliveriesQuery,
  type DeliveryFilters as Filters,
  type DeliverySummary,
} from "@/components/deliveries/queries";
import { RecoverButton } from "@/components/deliveries/recover-dialog";
import { useRetryDelivery } from "@/components/deliveries/use-retry-delivery";
import { EmptyState } from "@/components/ui/empty-state";
import type { OrgRef } from "@/lib/client/org";
import { eventTypesQuery } from "@/lib/event-types/queries";
import type { Page } from "@/lib/http/pagination";

// New deliveries arrive from the engine, not from this page: poll, faster while one is on its way.
const inFlightPollMs = 3_000;
const idlePollMs = 15_000;

function pollInterval(data: InfiniteData<Page<DeliverySummary>> | undefined): number {
  const inFlight = data?.pages.some((page) =>
    page.data.some((delivery) => delivery.status === "pending" || delivery.status === "sending"),
  );
  return inFlight ? inFlightPollMs : idlePollMs;
}

/** A webhook's delivery history: latest result first, filters, pages, each delivery's attempts, retry and recover. */
export function DeliveryHistory({ org, webhookId, canRetry }: { org: OrgRef; webhookId: string; canRetry: boolean }) {
  const [filters, setFilters] = useState<Filters>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const deliveries = useInfiniteQuery({
    ...deliveriesQuery(org, webhookId, filters),
    refetchInterval: (query) => pollInterval(query.state.data),
  });
  const eventTypes = useQuery(eventTypesQuery(org)).data?.data.map((type) => type.name) ?? [];
  const retry = useRetryDelivery(org, webhookId);
  const filtered = Boolean(filters.status || filters.eventType);
  const list = infiniteRows(deliveries);
  const latest = !filtered ? list.rows?.[0] : undefined;

  return (
    <section aria-labelledby="delivery-history-title" className="grid grid-cols-1 gap-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid grid-cols-1 gap-1">
          <h2 id="delivery-history-title" className="text-base font-semibold tracking-tight text-zinc-900">
            Delivery history
          </h2>
          <p className="text-sm text-zinc-500">
            Latest first: each request, its response and timing, kept for the organization&apos;s retention period (30
            days by default).
          </p>
        </div>
        {canRetry ? <RecoverButton org={org} webhookId={webhookId} /> : null}
      </div>
      {latest ? <LatestDelivery delivery={latest} onOpen={setOpenId} /> : null}
      <DeliveryFilters filters={filters} eventTypes={eventTypes} onChange={setFilters} />
      <div>
        <DataTable
          caption="Deliveries"
          columns={deliveryColumns({
            onOpen: setOpenId,
            onRetry: canRetry ? (id) => retry.mutate(id) : undefined,
            retryingId: retry.isPending ? (retry.variables ?? null) : null,
          })}
          onRowClick={(delivery) => setOpenId(delivery.id)}
          rowProps={() => ({ "data-testid": "delivery-row" })}
          {...list}
          errorTitle="Could not load the delivery history"
          empty={
            <EmptyState
              bordered
              icon={<ListIcon className="size-5" />}
              title={filtered ? "No deliveries match these filters" : "No deliveries yet"}
              description={
                filtered
                  ? "Change the status or event type filter."
                  : "Events that match this webhook's scope and triggers, and its test events, appear here."
              }
            />
          }
        />
      </div>
      {openId ? (
        <DeliveryDialog
          org={org}
          webhookId={webhookId}
          deliveryId={openId}
          canRetry={canRetry}
          onClose={() => setOpenId(null)}
        />
      ) : null}
    </section>
  );
}
