"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { PlusIcon, WebhookIcon } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { ResourceList } from "@/components/data/resource-list";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { describeScope, describeTriggers } from "@/components/webhooks/scope";
import { WebhookFilters } from "@/components/webhooks/webhook-filters";
import { WebhookStatusBadge } from "@/components/webhooks/webhook-status-badge";
import { formatDate, formatRelative } from "@/lib/client/format";
import type { OrgRef } from "@/lib/client/org";
import { projectsQuery } from "@/lib/projects/queries";
import { presets } from "@/lib/webhooks/presets";
import { webhooksQuery, type WebhookFilters as Filters } from "@/lib/webhooks/queries";

export function WebhooksTable({ org, canWrite }: { org: OrgRef; canWrite: boolean }) {
  const [filters, setFilters] = useState<Filters>({});
  const { data, isPending, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useInfiniteQuery(webhooksQuery(org, filters));
  const projects = useQuery(projectsQuery(org)).data?.data;
  const projectsById = useMemo(() => new Map((projects ?? []).map((project) => [project.id, project])), [projects]);
  const webhooks = data?.pages.flatMap((page) => page.data);
  const filtered = Boolean(filters.status || filters.projectId);

  const newButton = canWrite ? (
    <Link href={`/${org.slug}/webhooks/new`} className={buttonClassName("primary")}>
      <PlusIcon /> New webhook
    </Link>
  ) : null;

  return (
    <>
      <PageHeader title="Webhooks" description="Endpoints the hub calls when events are published, in the format their receiver expects." actions={newButton} />
      <WebhookFilters filters={filters} projects={projects ?? []} onChange={setFilters} />
      <ResourceList
        isPending={isPending}
        error={error}
        data={webhooks}
        isEmpty={(rows) => rows.length === 0}
        errorTitle="Could not load webhooks"
        more={{ hasNextPage, isFetchingNextPage, fetchNextPage }}
        empty={
          <EmptyState
            bordered
            icon={<WebhookIcon className="size-5" />}
            title={filtered ? "No webhooks match these filters" : "No webhooks yet"}
            description={filtered ? "Change the status or project filter." : "Add a webhook to send events to CodeScoring, SonarQube, DeepSource and other receivers."}
            action={filtered ? null : newButton}
          />
        }
      >
        {(rows) => (
          <Table>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>URL</TH>
                <TH>Format</TH>
                <TH>Scope</TH>
                <TH>Triggers</TH>
                <TH>Status</TH>
                <TH>Last delivery</TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((webhook) => {
                const scope = describeScope(webhook, projectsById);
                const triggers = describeTriggers(webhook.triggers);
                return (
                  <TR key={webhook.id}>
                    <TD className="font-medium">
                      <Link href={`/${org.slug}/webhooks/${webhook.id}`} className="text-zinc-900 hover:text-accent-700 hover:underline">
                        {webhook.name}
                      </Link>
                    </TD>
                    <TD>
                      <span className="block max-w-56 truncate font-mono text-xs text-zinc-600" title={webhook.url}>
                        {webhook.url}
                      </span>
                    </TD>
                    <TD className="whitespace-nowrap">{presets[webhook.format].label}</TD>
                    <TD className={scope.mono ? "font-mono text-xs" : undefined} title={scope.title}>
                      {scope.label}
                    </TD>
                    <TD title={triggers.title}>{triggers.label}</TD>
                    <TD>
                      <WebhookStatusBadge status={webhook.status} />
                    </TD>
                    <TD className="whitespace-nowrap text-zinc-500" title={webhook.lastDeliveryAt ? formatDate(webhook.lastDeliveryAt) : "No successful delivery yet"}>
                      {webhook.lastDeliveryAt ? formatRelative(webhook.lastDeliveryAt) : "—"}
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </ResourceList>
    </>
  );
}
