import type { TableSort } from "@/components/data/data-table";
import { describeError } from "@/components/deliveries/outcome";
import { formatAgo } from "@/lib/client/format";
import type { Webhook, WebhookStatus } from "@/lib/webhooks/queries";

/** A webhook's line of health in the list, as the page hands it to the browser. */
export interface WebhookHealthLine {
  webhookId: string;
  attempts: number;
  successRate: number | null;
  lastAttempt: { at: string; success: boolean; responseStatus: number | null; errorClass: string | null } | null;
}

/** "100%", "97.5%", "25%", "0%": to a tenth, without a trailing ".0"; "100%" only when every attempt succeeded. */
export const percent = (rate: number) => `${Math.min(Number((rate * 100).toFixed(1)), rate < 1 ? 99.9 : 100)}%`;

const reasons: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** "200 OK", "503 Service Unavailable", "HTTP 299" for a status without a common name. */
export function statusText(status: number): string {
  const reason = reasons[status];
  return reason ? `${status} ${reason}` : `HTTP ${status}`;
}

/** An attempt's outcome in words: "200 OK", "Failed: 503 Service Unavailable", "Failed: timeout". */
export function describeResult(attempt: {
  success: boolean;
  responseStatus: number | null;
  errorClass: string | null;
}) {
  const what =
    attempt.responseStatus !== null
      ? statusText(attempt.responseStatus)
      : attempt.errorClass
        ? describeError(attempt.errorClass)
        : "no response";
  return attempt.success ? what : `Failed: ${what}`;
}

/** "200 OK · 3 min ago", "Failed: timeout · 1 h ago"; "—" before the first attempt. */
export function describeLastResult(last: WebhookHealthLine["lastAttempt"], now = Date.now()): string {
  return last ? `${describeResult(last)} · ${formatAgo(last.at, now)}` : "—";
}

export const webhookSortKeys = ["name", "status", "success", "last"] as const;
export type WebhookSortKey = (typeof webhookSortKeys)[number];

/** The sort a URL's query asks for (`?sort=success&order=desc`); null when it asks for none we know. */
export function parseWebhookSort(query: { sort?: string | string[]; order?: string | string[] }): TableSort | null {
  const key = typeof query.sort === "string" ? query.sort : undefined;
  if (!key || !(webhookSortKeys as readonly string[]).includes(key)) return null;
  return { key, direction: query.order === "desc" ? "descending" : "ascending" };
}

/** The query string that keeps `sort` (other parameters left as they are). */
export function sortSearch(search: string, sort: TableSort): string {
  const params = new URLSearchParams(search);
  params.set("sort", sort.key);
  params.set("order", sort.direction === "descending" ? "desc" : "asc");
  return `?${params}`;
}

/** The first click on a column sorts by it ascending; a click on the sorted column turns it round. */
export function nextSort(current: TableSort | null, key: string): TableSort {
  if (current?.key === key) {
    return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  }
  return { key, direction: "ascending" };
}

// Status ascending: those needing attention first, as on the overview.
const attentionOrder: Record<WebhookStatus, number> = { disabled: 0, failing: 1, paused: 2, pending: 3, active: 4 };

type Sortable = Pick<Webhook, "name" | "status" | "lastDeliveryAt">;

/** The value a row sorts by; null sorts last whichever the direction. */
function sortValue(key: string, webhook: Sortable, health: WebhookHealthLine | undefined): string | number | null {
  switch (key) {
    case "status":
      return attentionOrder[webhook.status];
    case "success":
      return health?.successRate ?? null;
    case "last":
      return webhook.lastDeliveryAt ? Date.parse(webhook.lastDeliveryAt) : null;
    default:
      return null;
  }
}

const byName = (a: Sortable, b: Sortable) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });

/** The rows in `sort`'s order (ties by name); as they came when there is no sort. */
export function sortWebhooks<Row extends Sortable & { id: string }>(
  rows: readonly Row[],
  sort: TableSort | null,
  health: ReadonlyMap<string, WebhookHealthLine>,
): Row[] {
  if (!sort) return [...rows];
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === "name") return sign * byName(a, b);
    const left = sortValue(sort.key, a, health.get(a.id));
    const right = sortValue(sort.key, b, health.get(b.id));
    if (left === null || right === null) return (left === null ? 1 : 0) - (right === null ? 1 : 0) || byName(a, b);
    return sign * (Number(left) - Number(right)) || byName(a, b);
  });
}
