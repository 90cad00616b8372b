"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Alert } from "@/components/ui/alert";
import { ActivationPanel, needsProbe } from "@/components/deliveries/activation-panel";
import { DeliveryCharts } from "@/components/deliveries/delivery-charts";
import { DeliveryHistory } from "@/components/deliveries/delivery-history";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { WebhookActions } from "@/components/webhooks/webhook-actions";
import { WebhookLoader } from "@/components/webhooks/webhook-loader";
import { SendExample } from "@/components/webhooks/send-example";
import { WebhookStatusBadge } from "@/components/webhooks/webhook-status-badge";
import { WebhookSummary } from "@/components/webhooks/webhook-summary";
import type { OrgRef } from "@/lib/client/org";
import { membersQuery } from "@/lib/orgs/queries";
import { projectsQuery } from "@/lib/projects/queries";
import { webhookQuery } from "@/lib/webhooks/queries";

const activationPollMs = 3_000;
// Deliveries move a webhook between active, failing and disabled at any time.
const healthPollMs = 10_000;

/** One webhook: its state, charts, delivery history and settings. `canRetry` is deliveries:write; `canWrite` is webhooks:write. */
export function WebhookDetails({
  org,
  id,
  canWrite,
  canRetry,
}: {
  org: OrgRef;
  id: string;
  canWrite: boolean;
  canRetry: boolean;
}) {
  // The hub changes a webhook's state in the background (activation, failing, disabled); watch it, closely while it awaits activation.
  useQuery({
    ...webhookQuery(org, id),
    refetchInterval: (query) => (query.state.data?.status === "pending" ? activationPollMs : healthPollMs),
  });
  const projects = useQuery(projectsQuery(org)).data?.data;
  const members = useQuery(membersQuery(org)).data?.data ?? [];
  const projectsById = useMemo(() => new Map((projects ?? []).map((project) => [project.id, project])), [projects]);

  return (
    <WebhookLoader org={org} id={id}>
      {(webhook) => (
        <>
          <PageHeader
            breadcrumb={
              <Breadcrumbs items={[{ label: "Webhooks", href: `/${org.slug}/webhooks` }, { label: webhook.name }]} />
            }
            title={webhook.name}
            description={
              <span className="flex min-w-0 items-center gap-3">
                <WebhookStatusBadge status={webhook.status} />
                <span className="min-w-0 truncate font-mono text-xs" title={webhook.url} data-testid="webhook-url">
                  {webhook.url}
                </span>
              </span>
            }
            actions={canWrite ? <WebhookActions org={org} webhook={webhook} /> : null}
          />
          <div className="grid grid-cols-1 gap-6">
            {needsProbe(webhook.status) ? (
              <ActivationPanel org={org} webhook={webhook} status={webhook.status} canWrite={canWrite} />
            ) : webhook.status === "paused" || webhook.heldDeliveries > 0 ? (
              <Alert tone="info" title="Paused: events are held" data-testid="held-deliveries">
                {webhook.heldDeliveries === 1 ? "1 delivery is" : `${webhook.heldDeliveries} deliveries are`} held.
                Nothing is sent while the webhook is paused; resuming it sends what was held, oldest first. Held
                deliveries older than the organization&apos;s retention are dropped.
              </Alert>
            ) : webhook.statusReason ? (
              <Alert tone="warning" title="Why this status">
                {webhook.statusReason}
              </Alert>
            ) : null}
            <DeliveryCharts org={org} webhookId={webhook.id} />
            <DeliveryHistory org={org} webhookId={webhook.id} canRetry={canRetry} />
            {canWrite ? <SendExample org={org} webhook={webhook} /> : null}
            <WebhookSummary webhook={webhook} projects={projectsById} members={members} />
          </div>
        </>
      )}
    </WebhookLoader>
  );
}
