import type { QueryClient } from "@tanstack/react-query";
import { deliveryKeys } from "@/components/deliveries/queries";
import type { OrgRef } from "@/lib/client/org";
import { webhookKeys } from "@/lib/webhooks/queries";

/** After a retry, recover or probe: the history, charts, open delivery and the webhook's status may all have changed. */
export async function invalidateHistory(queryClient: QueryClient, org: OrgRef, webhookId: string, deliveryId?: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: deliveryKeys.forWebhook(org, webhookId) }),
    deliveryId ? queryClient.invalidateQueries({ queryKey: deliveryKeys.detail(org, deliveryId) }) : null,
    queryClient.invalidateQueries({ queryKey: webhookKeys.detail(org, webhookId) }),
    queryClient.invalidateQueries({ queryKey: webhookKeys.lists(org) }),
  ]);
}
