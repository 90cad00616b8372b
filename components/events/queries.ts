import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { filterParams, type EventFilters } from "@/components/events/filters";
import { apiFetch, type Json } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import type { eventDetailOutput, EventListItem } from "@/lib/events/schemas";
import type { Page } from "@/lib/http/pagination";

export type EventRow = Json<EventListItem>;
export type EventDetail = Json<z.infer<typeof eventDetailOutput>>;
export type EventDelivery = EventDetail["deliveries"][number];

const pageSize = 25;

export const eventKeys = {
  all: (org: OrgRef) => [org.id, "events"] as const,
  list: (org: OrgRef, filters: EventFilters) => [org.id, "events", "list", filters] as const,
  detail: (org: OrgRef, id: string) => [org.id, "events", "detail", id] as const,
};

/** The org's event log, newest first, narrowed by the filters. */
export function eventsQuery(org: OrgRef, filters: EventFilters) {
  return infiniteQueryOptions({
    queryKey: eventKeys.list(org, filters),
    queryFn: ({ pageParam }) => {
      const params = filterParams(filters);
      params.set("limit", String(pageSize));
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<Page<EventRow>>(org.slug, `events?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function eventQuery(org: OrgRef, id: string) {
  return queryOptions({
    queryKey: eventKeys.detail(org, id),
    queryFn: () => apiFetch<EventDetail>(org.slug, `events/${encodeURIComponent(id)}`),
  });
}
