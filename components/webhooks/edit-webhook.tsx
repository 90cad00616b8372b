"use client";

import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { WebhookLoader } from "@/components/webhooks/webhook-loader";
import type { OrgRef } from "@/lib/client/org";

export function EditWebhook({ org, id }: { org: OrgRef; id: string }) {
  return (
    <WebhookLoader org={org} id={id}>
      {(webhook) => (
        <>
          <PageHeader
            title={`Edit ${webhook.name}`}
            breadcrumb={
              <Breadcrumbs
                items={[
                  { label: "Webhooks", href: `/${org.slug}/webhooks` },
                  { label: webhook.name, href: `/${org.slug}/webhooks/${webhook.id}` },
                  { label: "Edit" },
                ]}
              />
            }
          />
          <WebhookForm key={webhook.updatedAt} org={org} webhook={webhook} />
        </>
      )}
    </WebhookLoader>
  );
}
