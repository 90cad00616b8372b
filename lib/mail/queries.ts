import { infiniteQueryOptions } from "@tanstack/react-query";
import { apiFetch, type Json } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import type { Page } from "@/lib/http/pagination";
import type { EmailOutput } from "@/lib/mail/outbox";

export type Email = Json<EmailOutput>;

const pageSize = 25;

export const emailKeys = {
  all: (org: OrgRef) => [org.id, "emails"] as const,
};

export function emailsQuery(org: OrgRef) {
  return infiniteQueryOptions({
    queryKey: emailKeys.all(org),
    queryFn: ({ pageParam }) =>
      apiFetch<Page<Email>>(
        org.slug,
        `emails?${new URLSearchParams({ limit: String(pageSize), ...(pageParam ? { cursor: pageParam } : {}) })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
