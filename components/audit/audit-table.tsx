"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ListIcon } from "lucide-react";
import { AuditMetadata } from "@/components/audit/audit-metadata";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { auditLogQuery, type AuditEntry } from "@/lib/audit/queries";
import { ResourceList } from "@/components/data/resource-list";
import type { OrgRef } from "@/lib/client/org";
import { formatDate, formatRelative } from "@/lib/client/format";

const actorTones: Record<AuditEntry["actorType"], BadgeTone> = { member: "neutral", token: "info", system: "accent" };

export function AuditTable({ org }: { org: OrgRef }) {
  const { data, isPending, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useInfiniteQuery(auditLogQuery(org));
  const entries = data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <>
      <PageHeader title="Audit log" description="Who changed what in this organization, whether a member, an API token or the hub itself." />
      <ResourceList
        isPending={isPending}
        error={error}
        data={data ? entries : undefined}
        isEmpty={(rows) => rows.length === 0}
        errorTitle="Could not load the audit log"
        skeletonLines={5}
        more={{ hasNextPage, isFetchingNextPage, fetchNextPage }}
        empty={
          <EmptyState bordered icon={<ListIcon className="size-5" />} title="Nothing recorded yet" description="Changes to projects, tokens, members and settings are recorded here." />
        }
      >
        {(rows) => (
          <Table>
            <THead>
              <TR>
                <TH>Time</TH>
                <TH>Actor</TH>
                <TH>Action</TH>
                <TH>Target</TH>
                <TH>Details</TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((entry) => (
                <TR key={entry.id}>
                  <TD className="whitespace-nowrap text-zinc-500" title={formatDate(entry.createdAt)}>
                    {formatRelative(entry.createdAt)}
                  </TD>
                  <TD>
                    <span className="flex min-w-0 items-center gap-2">
                      <Badge tone={actorTones[entry.actorType]}>{entry.actorType}</Badge>
                      <span className="max-w-48 truncate text-zinc-800" title={entry.actorLabel}>
                        {entry.actorLabel}
                      </span>
                    </span>
                  </TD>
                  <TD className="font-mono text-xs whitespace-nowrap text-zinc-900">{entry.action}</TD>
                  <TD className="text-xs">
                    <span className="text-zinc-700">{entry.targetType}</span>
                    {entry.targetId ? (
                      <span className="block max-w-36 truncate font-mono text-zinc-400" title={entry.targetId}>
                        {entry.targetId}
                      </span>
                    ) : null}
                  </TD>
                  <TD>
                    <AuditMetadata metadata={entry.metadata} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </ResourceList>
    </>
  );
}
