"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { PlusIcon, WebhookIcon } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { DataTable, infiniteRows, timeColumn } from "@/components/data/data-table";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { describeScope, describeTriggers } from "@/components/webhooks/scope";
import { WebhookFilters } from "@/components/webhooks/webhook-filters";
import { WebhookStatusBadge } from "@/components/webhooks/webhook-status-badge";
import type { OrgRef } from "@/lib/client/org";
import { projectsQuery } from "@/lib/projects/queries";
import { presets } from "@/lib/webhooks/presets";
import { webhooksQuery, type Webhook, type WebhookFilters as Filters } from "@/lib/webhooks/queries";

export function WebhooksTable({ org, canWrite }: { org: OrgRef; canWrite: boolean }) {
  const [filters, setFilters] = useState<Filters>({});
  const webhooks = useInfiniteQuery(webhooksQuery(org, filters));
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
        columns={[
          {
            header: "Name",
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
          { header: "Status", cell: (webhook) => <WebhookStatusBadge status={webhook.status} /> },
          timeColumn("Last delivery", (webhook) => webhook.lastDeliveryAt, { noneTitle: "No successful delivery yet" }),
        ]}
        {...infiniteRows(webhooks)}
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
