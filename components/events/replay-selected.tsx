"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RotateCcwIcon } from "lucide-react";
import type { DeliverySelection } from "@/components/events/delivery-selection";
import { eventKeys } from "@/components/events/queries";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { apiFetch, ApiError } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";

const deliveries = (count: number) => (count === 1 ? "1 delivery" : `${count} deliveries`);

/** "Replay selected (3)": opens the confirmation, which the page holds so it stacks above an open event. */
export function ReplaySelectedButton({
  count,
  onClick,
  size = "md",
}: {
  count: number;
  onClick: () => void;
  size?: "sm" | "md";
}) {
  return (
    <Button variant="primary" size={size} onClick={onClick} disabled={count === 0}>
      <RotateCcwIcon aria-hidden />
      Replay selected ({count})
    </Button>
  );
}

/** How many go, by whom, and that one that already succeeded reaches its receiver again. */
function confirmation(count: number, succeeded: number): string {
  const who =
    count === 1
      ? "The selected delivery is sent once more, in the background, by its webhook."
      : `The ${count} selected deliveries are sent once more, in the background, by their webhooks.`;
  if (succeeded === 0) return who;
  const again =
    count === 1
      ? "It succeeded before: its receiver gets it a second time."
      : `${succeeded === 1 ? "One of them" : `${succeeded} of them`} succeeded before: the receiver gets ${succeeded === 1 ? "it" : "them"} a second time.`;
  return `${who} ${again}`;
}

/** What a refused replay says: the API names each delivery it could not take. */
function refusal(error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  const problems = Object.values(error.fieldErrors());
  return problems.length > 0 ? problems.join(" ") : error.message;
}

/**
 * Retry selected (Svix, Hookdeck): the picked deliveries are sent once more, in the background, by
 * their webhooks. The confirmation says how many; afterwards the selection is cleared and the
 * answer says what was queued and what was already on its way.
 */
export function ReplaySelectedDialog({
  org,
  selection,
  open,
  onClose,
}: {
  org: OrgRef;
  selection: DeliverySelection;
  open: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const picked = [...selection.selected.values()];
  const succeeded = picked.filter((delivery) => delivery.status === "succeeded").length;
  const replay = useMutation({
    mutationFn: (deliveryIds: string[]) =>
      apiFetch<{ requeued: number; skipped: string[] }>(org.slug, "deliveries/replay", {
        method: "POST",
        body: { deliveryIds },
      }),
    onSuccess: async ({ requeued, skipped }) => {
      selection.clear();
      onClose();
      toast({
        title: requeued === 0 ? "Nothing to replay" : `${deliveries(requeued)} queued`,
        description: [
          requeued > 0 ? "They are sent in the background, in order." : null,
          skipped.length > 0
            ? `${deliveries(skipped.length)} ${skipped.length === 1 ? "was" : "were"} already on the way and left as ${skipped.length === 1 ? "it was" : "they were"}.`
            : null,
        ]
          .filter(Boolean)
          .join(" "),
        tone: "success",
      });
      await queryClient.invalidateQueries({ queryKey: eventKeys.all(org) });
    },
    onError: (error) => toast({ title: "Could not replay", description: refusal(error), tone: "error" }),
  });
  const count = picked.length;

  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={`Replay ${deliveries(count)}?`}
      message={confirmation(count, succeeded)}
      confirmLabel={`Replay ${deliveries(count)}`}
      pending={replay.isPending}
      confirmDisabled={count === 0}
      onConfirm={() => replay.mutate(picked.map((delivery) => delivery.id))}
    />
  );
}
