import { infiniteQueryOptions } from "@tanstack/react-query";
import type { AuditEntryOutput } from "@/lib/audit/audit-log";
import type { AuditFilters } from "@/lib/audit/catalog";
import { apiFetch, type Json } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import type { Page } from "@/lib/http/pagination";

export type AuditEntry = Json<AuditEntryOutput>;

const pageSize = 50;

export const auditKeys = {
  all: (org: OrgRef) => [org.id, "audit-log"] as const,
  list: (org: OrgRef, filters: AuditFilters) => [...auditKeys.all(org), filters] as const,
};

export function auditLogQuery(org: OrgRef, filters: AuditFilters = {}) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list(org, filters),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(pageSize) });
      for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<Page<AuditEntry>>(org.slug, `audit-log?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
