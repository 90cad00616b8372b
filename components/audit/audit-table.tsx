"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ChevronDownIcon, ListIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { AuditChanges } from "@/components/audit/audit-changes";
import { AuditFilters, type ActorOption } from "@/components/audit/audit-filters";
import { AuditMetadata } from "@/components/audit/audit-metadata";
import { auditFiltersSearch } from "@/components/audit/filters";
import { DataTable, infiniteRows, timeColumn, type DataTableColumns } from "@/components/data/data-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { fieldChanges, type FieldChanges } from "@/lib/audit/changes";
import type { AuditFilters as Filters } from "@/lib/audit/catalog";
import { auditLogQuery, type AuditEntry } from "@/lib/audit/queries";
import type { OrgRef } from "@/lib/client/org";
import { membersQuery } from "@/lib/orgs/queries";
import { tokensQuery } from "@/lib/tokens/queries";

const actorTones: Record<AuditEntry["actorType"], BadgeTone> = { member: "neutral", token: "info", system: "accent" };

/** An entry's metadata split in two: what an update changed (when it records that), and the rest. */
function splitMetadata(entry: AuditEntry): { changes: FieldChanges | null; rest: Record<string, unknown> } {
  const { changes, ...rest } = entry.metadata;
  const parsed = fieldChanges.safeParse(changes);
  return parsed.success ? { changes: parsed.data, rest } : { changes: null, rest: entry.metadata };
}

const detailsId = (entry: AuditEntry) => `audit-changes-${entry.id}`;

export interface AuditTableProps {
  org: OrgRef;
  /** The filters the page's URL asked for. */
  initialFilters: Filters;
}

/**
 * The org's audit log, newest first, narrowed by who acted, what it was about and what happened;
 * the filters are kept in the URL (`?actor=…&object=…&action=…`), so a filtered view can be shared
 * and survives a reload. An update's entry opens to the settings it changed, before and after.
 */
export function AuditTable({ org, initialFilters }: AuditTableProps) {
  const [filters, setFilters] = useState(initialFilters);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const entries = useInfiniteQuery(auditLogQuery(org, filters));
  const members = useQuery(membersQuery(org)).data?.data;
  const tokens = useQuery(tokensQuery(org)).data?.data;
  const memberOptions = useMemo<ActorOption[]>(
    () => (members ?? []).map((member) => ({ value: `member:${member.user.id}`, label: member.user.email })),
    [members],
  );
  const tokenOptions = useMemo<ActorOption[]>(
    () => (tokens ?? []).map((token) => ({ value: `token:${token.id}`, label: token.name })),
    [tokens],
  );
  const filtered = Boolean(filters.actorType || filters.targetType || filters.action);

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: DataTableColumns<AuditEntry> = [
    timeColumn("Time", (entry) => entry.createdAt),
    {
      header: "Actor",
      cell: (entry) => (
        <span className="flex min-w-0 items-center gap-2">
          <Badge tone={actorTones[entry.actorType]}>{entry.actorType}</Badge>
          <span className="max-w-48 truncate text-zinc-800" title={entry.actorLabel}>
            {entry.actorLabel}
          </span>
        </span>
      ),
    },
    { header: "Action", className: "font-mono text-xs whitespace-nowrap text-zinc-900", cell: (entry) => entry.action },
    {
      header: "Target",
      className: "text-xs",
      cell: (entry) => (
        <>
          <span className="text-zinc-700">{entry.targetType}</span>
          {entry.targetId ? (
            <span className="block max-w-36 truncate font-mono text-zinc-500" title={entry.targetId}>
              {entry.targetId}
            </span>
          ) : null}
        </>
      ),
    },
    {
      header: "Details",
      cell: (entry) => {
        const { changes, rest } = splitMetadata(entry);
        const expanded = open.has(entry.id);
        const count = changes ? Object.keys(changes).length : 0;
        return (
          <div className="grid grid-cols-1 gap-1.5">
            {changes && Object.keys(rest).length === 0 ? null : <AuditMetadata metadata={rest} />}
            {changes ? (
              <button
                type="button"
                aria-expanded={expanded}
                aria-controls={expanded ? detailsId(entry) : undefined}
                onClick={() => toggle(entry.id)}
                className="inline-flex w-fit items-center gap-1 rounded text-xs font-medium whitespace-nowrap text-accent-700 hover:text-accent-800 focus-visible:outline-2 focus-visible:outline-accent-500"
              >
                <ChevronDownIcon
                  aria-hidden
                  className={cn("size-3.5 transition-transform", expanded && "rotate-180")}
                />
                {count === 0 ? "Nothing changed" : `${count} ${count === 1 ? "setting" : "settings"} changed`}
                <span className="sr-only">, {expanded ? "hide" : "show"} before and after</span>
              </button>
            ) : null}
          </div>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who changed what in this organization, whether a member, an API token or the hub itself. Open a change to see its settings before and after."
      />
      <AuditFilters
        filters={filters}
        members={memberOptions}
        tokens={tokenOptions}
        onChange={(next) => {
          setFilters(next);
          setOpen(new Set());
          // Next.js syncs the router with the native history API: a reload keeps the filters.
          window.history.replaceState(
            window.history.state,
            "",
            `${window.location.pathname}${auditFiltersSearch(window.location.search, next)}`,
          );
        }}
      />
      <DataTable
        caption="Audit log"
        columns={columns}
        {...infiniteRows(entries)}
        detailsRow={(entry) => {
          const { changes } = splitMetadata(entry);
          if (!changes || !open.has(entry.id)) return null;
          return {
            id: detailsId(entry),
            content: (
              <div className="sticky left-0 w-[min(42rem,calc(100vw-5rem))]">
                <AuditChanges changes={changes} />
              </div>
            ),
          };
        }}
        errorTitle="Could not load the audit log"
        skeletonLines={5}
        empty={
          filtered ? (
            <EmptyState
              bordered
              icon={<ListIcon className="size-5" />}
              title="No entries match these filters"
              description="Try fewer filters, or clear them to see everything recorded."
            />
          ) : (
            <EmptyState
              bordered
              icon={<ListIcon className="size-5" />}
              title="Nothing recorded yet"
              description="Changes to projects, webhooks, tokens, members and settings are recorded here."
            />
          )
        }
      />
    </>
  );
}
