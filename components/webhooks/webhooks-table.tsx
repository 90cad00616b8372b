"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { PlusIcon, WebhookIcon } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { DataTable, infiniteRows, timeColumn, type TableSort } from "@/components/data/data-table";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import {
  describeLastResult,
  nextSort,
  percent,
  sortSearch,
  sortWebhooks,
  type WebhookHealthLine,
} from "@/components/webhooks/health";
import { describeScope, describeTriggers } from "@/components/webhooks/scope";
import { WebhookFilters } from "@/components/webhooks/webhook-filters";
import { WebhookStatusBadge } from "@/components/webhooks/webhook-status-badge";
import { formatDate } from "@/lib/client/format";
import type { OrgRef } from "@/lib/client/org";
import { projectsQuery } from "@/lib/projects/queries";
import { presets } from "@/lib/webhooks/presets";
import { webhooksQuery, type Webhook, type WebhookFilters as Filters } from "@/lib/webhooks/queries";

export interface WebhooksTableProps {
  org: OrgRef;
  canWrite: boolean;
  /** Each webhook's success rate and last attempt, read with the page. */
  health: WebhookHealthLine[];
  /** The sort the page's URL asked for; null: newest first, as the API lists them. */
  initialSort: TableSort | null;
}

/**
 * The org's webhooks with their health (success over 24 h, last result), sortable by a column's
 * header; the sort is kept in the URL's query string (`?sort=success&order=desc`). Sorting orders
 * the rows loaded so far.
 */
export function WebhooksTable({ org, canWrite, health, initialSort }: WebhooksTableProps) {
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState(initialSort);
  const webhooks = useInfiniteQuery(webhooksQuery(org, filters));
  const healthById = useMemo(() => new Map(health.map((line) => [line.webhookId, line])), [health]);
  const { rows, ...listState } = infiniteRows(webhooks);
  const sorted = useMemo(() => rows && sortWebhooks(rows, sort, healthById), [rows, sort, healthById]);
  const projects = useQuery(projectsQuery(org)).data?.data;
  const projectsById = useMemo(() => new Map((projects ?? []).map((project) => [project.id, project])), [projects]);
  const filtered = Boolean(filters.status || filters.projectId);

  const newButton = canWrite ? (
    <Link href={`/${org.slug}/webhooks/new`} className={buttonClassName("primary")}>
      <PlusIcon /> New webhook
    </Link>
  ) : null;

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Endpoints the hub calls when events are published, in the format their receiver expects."
        actions={newButton}
      />
      <WebhookFilters filters={filters} projects={projects ?? []} onChange={setFilters} />
      <DataTable<Webhook>
        caption="Webhooks"
        sort={sort}
        onSort={(key) => {
          const next = nextSort(sort, key);
          setSort(next);
          // Next.js syncs the router with the native history API: a reload keeps the sort.
          window.history.replaceState(window.history.state, "", sortSearch(window.location.search, next));
        }}
        columns={[
          {
            header: "Name",
            sortKey: "name",
            className: "font-medium",
            cell: (webhook) => (
              <Link
                href={`/${org.slug}/webhooks/${webhook.id}`}
                className="text-zinc-900 hover:text-accent-700 hover:underline"
              >
                {webhook.name}
              </Link>
            ),
          },
          {
            header: "URL",
            cell: (webhook) => (
              <span className="block max-w-56 truncate font-mono text-xs text-zinc-600" title={webhook.url}>
                {webhook.url}
              </span>
            ),
          },
          { header: "Format", className: "whitespace-nowrap", cell: (webhook) => presets[webhook.format].label },
          {
            header: "Scope",
            title: (webhook) => describeScope(webhook, projectsById).title,
            cell: (webhook) => {
              const scope = describeScope(webhook, projectsById);
              return scope.mono ? <span className="font-mono text-xs">{scope.label}</span> : scope.label;
            },
          },
          {
            header: "Triggers",
            title: (webhook) => describeTriggers(webhook.triggers).title,
            cell: (webhook) => describeTriggers(webhook.triggers).label,
          },
          { header: "Status", sortKey: "status", cell: (webhook) => <WebhookStatusBadge status={webhook.status} /> },
          {
            header: "Success (24 h)",
            sortKey: "success",
            align: "end",
            className: "whitespace-nowrap tabular-nums",
            title: (webhook) => {
              const line = healthById.get(webhook.id);
              return line?.successRate != null
                ? `${line.attempts} attempts in the last 24 hours`
                : "No attempts in the last 24 hours";
            },
            cell: (webhook) => {
              const rate = healthById.get(webhook.id)?.successRate;
              return rate == null ? <span className="text-zinc-400">—</span> : percent(rate);
            },
          },
          {
            header: "Last result",
            className: "whitespace-nowrap",
            title: (webhook) => {
              const last = healthById.get(webhook.id)?.lastAttempt;
              return last ? formatDate(last.at) : "No attempt yet";
            },
            cell: (webhook) => {
              const last = healthById.get(webhook.id)?.lastAttempt ?? null;
              return (
                <span className={last ? (last.success ? "text-zinc-700" : "text-red-700") : "text-zinc-400"}>
                  {describeLastResult(last)}
                </span>
              );
            },
          },
          {
            ...timeColumn("Last delivery", (webhook: Webhook) => webhook.lastDeliveryAt, {
              noneTitle: "No successful delivery yet",
            }),
            sortKey: "last",
          },
        ]}
        rows={sorted}
        {...listState}
        errorTitle="Could not load webhooks"
        empty={
          <EmptyState
            bordered
            icon={<WebhookIcon className="size-5" />}
            title={filtered ? "No webhooks match these filters" : "No webhooks yet"}
            description={
              filtered
                ? "Change the status or project filter."
                : "Add a webhook to send events to CodeScoring, SonarQube, DeepSource and other receivers."
            }
            action={filtered ? null : newButton}
          />
        }
      />
    </>
  );
}
