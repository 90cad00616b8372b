import { deliveryStatuses } from "@/components/deliveries/delivery-status-badge";
import type { DeliveryStatus } from "@/components/deliveries/queries";

/** The event log's search, as the API takes it and the page's URL keeps it. */
export interface EventFilters {
  q?: string;
  id?: string;
  deliveryId?: string;
  type?: string;
  projectId?: string;
  status?: DeliveryStatus;
  /** ISO 8601 instants: published at or after `from`, before `to`. */
  from?: string;
  to?: string;
}

const textKeys = ["q", "id", "deliveryId", "type", "projectId"] as const;
const statuses: readonly string[] = Object.keys(deliveryStatuses);
/** The query parameter naming the event open in the dialog. */
export const openEventParam = "event";

interface Readable {
  get(name: string): string | null;
}

const instant = (value: string | null) => {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
};

/** The filters a URL's query holds; what no filter can be (an unknown status, a date that is none) is left out. */
export function parseEventFilters(search: Readable): EventFilters {
  const filters: EventFilters = {};
  for (const key of textKeys) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const status = search.get("status");
  if (status && statuses.includes(status)) filters.status = status as DeliveryStatus;
  const from = instant(search.get("from"));
  const to = instant(search.get("to"));
  if (from) filters.from = from;
  if (to) filters.to = to;
  return filters;
}

/** The filters as query parameters, in a stable order (also the API's). */
export function filterParams(filters: EventFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of [...textKeys, "status", "from", "to"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** The page's query string for these filters and the open event: "" when there is neither. */
export function eventLogSearch(filters: EventFilters, openEvent: string | null): string {
  const params = filterParams(filters);
  if (openEvent) params.set(openEventParam, openEvent);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export const hasFilters = (filters: EventFilters) => Object.values(filters).some(Boolean);

/** One box takes either id: a `dlv_` id finds the events that delivery carries, anything else is an event id. */
export function lookupFilter(value: string): Pick<EventFilters, "id" | "deliveryId"> {
  const id = value.trim();
  if (!id) return {};
  return id.startsWith("dlv_") ? { deliveryId: id } : { id };
}

/** An instant as a datetime-local input shows it: local wall time to the minute. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A datetime-local input's value (local wall time) as an instant. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
