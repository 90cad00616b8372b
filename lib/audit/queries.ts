import { infiniteQueryOptions } from "@tanstack/react-query";
import type { AuditEntryOutput } from "@/lib/audit/audit-log";
import { apiFetch, type Json } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import type { Page } from "@/lib/http/pagination";

export type AuditEntry = Json<AuditEntryOutput>;

const pageSize = 50;

export const auditKeys = {
  all: (org: OrgRef) => [org.id, "audit-log"] as const,
};

export function auditLogQuery(org: OrgRef) {
  return infiniteQueryOptions({
    queryKey: auditKeys.all(org),
    queryFn: ({ pageParam }) =>
      apiFetch<Page<AuditEntry>>(
        org.slug,
        `audit-log?${new URLSearchParams({ limit: String(pageSize), ...(pageParam ? { cursor: pageParam } : {}) })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
