"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { invalidateHistory } from "@/components/deliveries/invalidate-history";
import { deliveryMutations } from "@/components/deliveries/queries";
import { useToast } from "@/components/ui/toast";
import type { OrgRef } from "@/lib/client/org";

/** Sends a trigger's catalog example to a webhook as a test delivery; its history then shows it. */
export function useSendExample(org: OrgRef) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  return useMutation({
    mutationFn: ({ webhookId, eventType }: { webhookId: string; eventType: string }) =>
      deliveryMutations.sendExample(org, webhookId, eventType),
    onSuccess: (_, { webhookId }) => invalidateHistory(queryClient, org, webhookId),
    onError: (error) => toast({ title: "Could not send the example", description: error.message, tone: "error" }),
  });
}
