import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch, type Json } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import type { Page } from "@/lib/http/pagination";
import type { createWebhookInput, patchWebhookInput, WebhookOutput } from "@/lib/webhooks/schemas";

export type Webhook = Json<WebhookOutput>;
export type WebhookStatus = Webhook["status"];
/** What the form sends: defaults may be left out, the server fills them. */
export type WebhookInput = z.input<typeof createWebhookInput>;
export type WebhookPatch = z.input<typeof patchWebhookInput>;

export interface WebhookFilters {
  status?: WebhookStatus;
  projectId?: string;
  /** The webhooks an event of this trigger would go to: those subscribing to it, and those taking every trigger. */
  trigger?: string;
}

const pageSize = 50;

export const webhookKeys = {
  all: (org: OrgRef) => [org.id, "webhooks"] as const,
  lists: (org: OrgRef) => [org.id, "webhooks", "list"] as const,
  list: (org: OrgRef, filters: WebhookFilters) => [org.id, "webhooks", "list", filters] as const,
  detail: (org: OrgRef, id: string) => [org.id, "webhooks", "detail", id] as const,
};

export function webhooksQuery(org: OrgRef, filters: WebhookFilters) {
  return infiniteQueryOptions({
    queryKey: webhookKeys.list(org, filters),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(pageSize) });
      if (filters.status) params.set("status", filters.status);
      if (filters.projectId) params.set("projectId", filters.projectId);
      if (filters.trigger) params.set("trigger", filters.trigger);
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<Page<Webhook>>(org.slug, `webhooks?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function webhookQuery(org: OrgRef, id: string) {
  return queryOptions({
    queryKey: webhookKeys.detail(org, id),
    queryFn: () => apiFetch<Webhook>(org.slug, `webhooks/${encodeURIComponent(id)}`),
  });
}

export const webhookMutations = {
  create: (org: OrgRef, input: WebhookInput) =>
    apiFetch<Webhook>(org.slug, "webhooks", { method: "POST", body: input }),
  replace: (org: OrgRef, id: string, input: WebhookInput) =>
    apiFetch<Webhook>(org.slug, `webhooks/${encodeURIComponent(id)}`, { method: "PUT", body: input }),
  patch: (org: OrgRef, id: string, input: WebhookPatch) =>
    apiFetch<Webhook>(org.slug, `webhooks/${encodeURIComponent(id)}`, { method: "PATCH", body: input }),
  remove: (org: OrgRef, id: string) =>
    apiFetch<void>(org.slug, `webhooks/${encodeURIComponent(id)}`, { method: "DELETE" }),
};
