"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ListIcon } from "lucide-react";
import { AuditMetadata } from "@/components/audit/audit-metadata";
import { DataTable, infiniteRows, timeColumn, type DataTableColumns } from "@/components/data/data-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { auditLogQuery, type AuditEntry } from "@/lib/audit/queries";
import type { OrgRef } from "@/lib/client/org";

const actorTones: Record<AuditEntry["actorType"], BadgeTone> = { member: "neutral", token: "info", system: "accent" };

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
  { header: "Details", cell: (entry) => <AuditMetadata metadata={entry.metadata} /> },
];

export function AuditTable({ org }: { org: OrgRef }) {
  const entries = useInfiniteQuery(auditLogQuery(org));
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who changed what in this organization, whether a member, an API token or the hub itself."
      />
      <DataTable
        caption="Audit log"
        columns={columns}
        {...infiniteRows(entries)}
        errorTitle="Could not load the audit log"
        skeletonLines={5}
        empty={
          <EmptyState
            bordered
            icon={<ListIcon className="size-5" />}
            title="Nothing recorded yet"
            description="Changes to projects, tokens, members and settings are recorded here."
          />
        }
      />
    </>
  );
}
