"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { SkeletonText } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import { webhookQuery, type Webhook } from "@/lib/webhooks/queries";

/** Loads one webhook for the view and edit screens: skeleton, then the screen, or why it failed. */
export function WebhookLoader({
  org,
  id,
  children,
}: {
  org: OrgRef;
  id: string;
  children: (webhook: Webhook) => ReactNode;
}) {
  const { data, isPending, error } = useQuery(webhookQuery(org, id));
  if (isPending) {
    return (
      <Card className="p-6">
        <SkeletonText lines={6} />
      </Card>
    );
  }
  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Alert tone="danger" title={missing ? "Webhook not found" : "Could not load the webhook"}>
        {missing ? "It may have been deleted. " : `${error.message} `}
        <Link href={`/${org.slug}/webhooks`} className="font-medium underline">
          Back to webhooks
        </Link>
      </Alert>
    );
  }
  return <>{children(data)}</>;
}
