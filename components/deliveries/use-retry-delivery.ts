import { useMutation, useQueryClient } from "@tanstack/react-query";
import { invalidateHistory } from "@/components/deliveries/invalidate-history";
import { describeOutcome, formatDuration } from "@/components/deliveries/outcome";
import { deliveryMutations } from "@/components/deliveries/queries";
import { useToast } from "@/components/ui/toast";
import type { OrgRef } from "@/lib/client/org";

/** Sends a delivery again now and says what came back; `variables` is the delivery being retried. */
export function useRetryDelivery(org: OrgRef, webhookId: string) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  return useMutation({
    mutationFn: (deliveryId: string) => deliveryMutations.retry(org, deliveryId),
    onSuccess: async ({ delivery, attempt }) => {
      const result = `${describeOutcome(attempt.responseStatus, attempt.errorClass)} in ${formatDuration(attempt.durationMs)}`;
      toast(
        attempt.success
          ? { title: "Delivered", description: result, tone: "success" }
          : {
              title: "Retry failed",
              description: attempt.errorMessage ? `${result}: ${attempt.errorMessage}` : result,
              tone: "error",
            },
      );
      await invalidateHistory(queryClient, org, webhookId, delivery.id);
    },
    onError: (error) => toast({ title: "Could not retry the delivery", description: error.message, tone: "error" }),
  });
}
