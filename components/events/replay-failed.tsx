"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCcwIcon } from "lucide-react";
import { useState } from "react";
import { filterParams, type EventFilters } from "@/components/events/filters";
import { eventKeys } from "@/components/events/queries";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";

const deliveriesIn = (count: number) => (count === 1 ? "1 failed delivery" : `${count} failed deliveries`);

/**
 * Bulk replay (Hookdeck's bulk retry): every failed delivery of the events matching the search
 * goes once more. The confirmation says how many, counted for the search as it is when it opens.
 */
export function ReplayFailed({ org, filters }: { org: OrgRef; filters: EventFilters }) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const search = filterParams(filters);
  const replayable = useQuery({
    queryKey: [...eventKeys.all(org), "replayable", search.toString()],
    queryFn: () => apiFetch<{ deliveries: number }>(org.slug, `events/replay?${search}`),
    enabled: confirming,
    staleTime: 0,
  });
  const replay = useMutation({
    mutationFn: () =>
      apiFetch<{ requeued: number }>(org.slug, "events/replay", {
        method: "POST",
        body: Object.fromEntries(search),
      }),
    onSuccess: async ({ requeued }) => {
      setConfirming(false);
      toast({
        title: requeued === 0 ? "Nothing to replay" : `${deliveriesIn(requeued)} queued`,
        description: requeued === 0 ? "No failed delivery was left." : "They are sent in the background, in order.",
        tone: "success",
      });
      await queryClient.invalidateQueries({ queryKey: eventKeys.all(org) });
    },
    onError: (error) => toast({ title: "Could not replay", description: error.message, tone: "error" }),
  });
  const count = replayable.data?.deliveries;

  return (
    <>
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        <RotateCcwIcon className="size-4" aria-hidden />
        Replay failed…
      </Button>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={count === undefined ? "Replay failed deliveries?" : `Replay ${deliveriesIn(count)}?`}
        message={
          replayable.error
            ? replayable.error.message
            : count === undefined
              ? "Counting the failed deliveries of the events matching this search…"
              : count === 0
                ? "No event matching this search has a failed delivery."
                : `Every failed delivery of the events matching this search is sent once more, in the background, by its webhook. A failure leaves it failed.`
        }
        confirmLabel={count ? `Replay ${deliveriesIn(count)}` : "Replay"}
        pending={replay.isPending}
        confirmDisabled={!count}
        onConfirm={() => replay.mutate()}
      />
    </>
  );
}
