import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch, type Json } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import type {
  attemptOutput,
  deliveryDetail,
  deliverySummary,
  probeOutput,
  recoverOutput,
  retryOutput,
} from "@/lib/history/schemas";
import type { StatsRange, WebhookStats as StatsOutput } from "@/lib/history/stats";
import type { Page } from "@/lib/http/pagination";
import type { Webhook } from "@/lib/webhooks/queries";
import type { testWebhookInput } from "@/lib/webhooks/schemas";

export type DeliverySummary = Json<z.infer<typeof deliverySummary>>;
export type DeliveryDetail = Json<z.infer<typeof deliveryDetail>>;
export type DeliveryStatus = DeliverySummary["status"];
export type Attempt = Json<z.infer<typeof attemptOutput>>;
export type ProbeResult = z.infer<typeof probeOutput>;
export type WebhookStats = Json<StatsOutput>;
export type TestWebhookInput = z.input<typeof testWebhookInput>;
export type { StatsRange };

export interface DeliveryFilters {
  status?: DeliveryStatus;
  eventType?: string;
}

const pageSize = 20;
const path = (...segments: string[]) => segments.map(encodeURIComponent).join("/");

/** Everything about one webhook's deliveries sits under `forWebhook`, so one invalidation refreshes history, charts and probe state. */
export const deliveryKeys = {
  all: (org: OrgRef) => [org.id, "deliveries"] as const,
  forWebhook: (org: OrgRef, webhookId: string) => [org.id, "deliveries", "webhook", webhookId] as const,
  list: (org: OrgRef, webhookId: string, filters: DeliveryFilters) =>
    [org.id, "deliveries", "webhook", webhookId, "list", filters] as const,
  latestTest: (org: OrgRef, webhookId: string) => [org.id, "deliveries", "webhook", webhookId, "latest-test"] as const,
  stats: (org: OrgRef, webhookId: string, range: StatsRange) =>
    [org.id, "deliveries", "webhook", webhookId, "stats", range] as const,
  detail: (org: OrgRef, id: string) => [org.id, "deliveries", "detail", id] as const,
};

function deliveriesPath(webhookId: string, params: URLSearchParams) {
  return `${path("webhooks", webhookId, "deliveries")}?${params}`;
}

/** A webhook's history, newest first. */
export function deliveriesQuery(org: OrgRef, webhookId: string, filters: DeliveryFilters) {
  return infiniteQueryOptions({
    queryKey: deliveryKeys.list(org, webhookId, filters),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(pageSize) });
      if (filters.status) params.set("status", filters.status);
      if (filters.eventType) params.set("eventType", filters.eventType);
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<Page<DeliverySummary>>(org.slug, deliveriesPath(webhookId, params));
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The newest delivery of the `test` trigger: the last activation or availability probe. */
export function latestTestQuery(org: OrgRef, webhookId: string) {
  return queryOptions({
    queryKey: deliveryKeys.latestTest(org, webhookId),
    queryFn: async () => {
      const page = await apiFetch<Page<DeliverySummary>>(
        org.slug,
        deliveriesPath(webhookId, new URLSearchParams({ limit: "1", eventType: "test" })),
      );
      return page.data[0] ?? null;
    },
  });
}

export function deliveryQuery(org: OrgRef, id: string) {
  return queryOptions({
    queryKey: deliveryKeys.detail(org, id),
    queryFn: () => apiFetch<DeliveryDetail>(org.slug, path("deliveries", id)),
  });
}

export function statsQuery(org: OrgRef, webhookId: string, range: StatsRange) {
  return queryOptions({
    queryKey: deliveryKeys.stats(org, webhookId, range),
    queryFn: () => apiFetch<WebhookStats>(org.slug, `${path("webhooks", webhookId, "stats")}?range=${range}`),
  });
}

export const deliveryMutations = {
  retry: (org: OrgRef, id: string) =>
    apiFetch<Json<z.infer<typeof retryOutput>>>(org.slug, `${path("deliveries", id)}/retry`, { method: "POST" }),
  recover: (org: OrgRef, webhookId: string, since: Date) =>
    apiFetch<z.infer<typeof recoverOutput>>(org.slug, `${path("webhooks", webhookId)}/recover`, {
      method: "POST",
      body: { since: since.toISOString() },
    }),
  refreshAvailability: (org: OrgRef, webhookId: string) =>
    apiFetch<{ webhook: Webhook; result: ProbeResult }>(
      org.slug,
      `${path("webhooks", webhookId)}/refresh_availability_status`,
      { method: "POST" },
    ),
  sendExample: (org: OrgRef, webhookId: string, eventType: string) =>
    apiFetch<{ deliveryId: string; eventType: string; result: ProbeResult }>(
      org.slug,
      `${path("webhooks", webhookId)}/send_example`,
      { method: "POST", body: { eventType } },
    ),
  testUrl: (org: OrgRef, input: TestWebhookInput) =>
    apiFetch<ProbeResult>(org.slug, "webhooks/test", { method: "POST", body: input }),
};
