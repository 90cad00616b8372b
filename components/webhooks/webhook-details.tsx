"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ListIcon } from "@/components/ui/icons";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { WebhookActions } from "@/components/webhooks/webhook-actions";
import { WebhookLoader } from "@/components/webhooks/webhook-loader";
import { WebhookStatusBadge } from "@/components/webhooks/webhook-status-badge";
import { WebhookSummary } from "@/components/webhooks/webhook-summary";
import type { OrgRef } from "@/lib/client/org";
import { membersQuery } from "@/lib/orgs/queries";
import { projectsQuery } from "@/lib/projects/queries";

export function WebhookDetails({ org, id, canWrite }: { org: OrgRef; id: string; canWrite: boolean }) {
  const projects = useQuery(projectsQuery(org)).data?.data;
  const members = useQuery(membersQuery(org)).data?.data ?? [];
  const projectsById = useMemo(() => new Map((projects ?? []).map((project) => [project.id, project])), [projects]);

  return (
    <WebhookLoader org={org} id={id}>
      {(webhook) => (
        <>
          <PageHeader
            breadcrumb={<Breadcrumbs items={[{ label: "Webhooks", href: `/${org.slug}/webhooks` }, { label: webhook.name }]} />}
            title={webhook.name}
            description={
              <span className="flex min-w-0 items-center gap-3">
                <WebhookStatusBadge status={webhook.status} />
                <span className="truncate font-mono text-xs" title={webhook.url} data-testid="webhook-url">
                  {webhook.url}
                </span>
              </span>
            }
            actions={canWrite ? <WebhookActions org={org} webhook={webhook} /> : null}
          />
          <div className="grid gap-6">
            {webhook.status === "pending" ? (
              <Alert tone="info" title="Activation">
                Send a test event to activate — available with the delivery engine. Until then the webhook receives nothing.
              </Alert>
            ) : null}
            {webhook.statusReason ? (
              <Alert tone="warning" title="Why this status">
                {webhook.statusReason}
              </Alert>
            ) : null}
            <WebhookSummary webhook={webhook} projects={projectsById} members={members} />
            <Card>
              <CardHeader>
                <CardTitle>Delivery history</CardTitle>
                <CardDescription>Each request, its response and timing; kept for 30 days.</CardDescription>
              </CardHeader>
              <CardContent>
                <EmptyState icon={<ListIcon className="size-5" />} title="No deliveries yet" description="Deliveries to this webhook will appear here." />
              </CardContent>
            </Card>
          </div>
        </>
      )}
    </WebhookLoader>
  );
}
