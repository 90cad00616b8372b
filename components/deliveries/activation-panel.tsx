"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { invalidateHistory } from "@/components/deliveries/invalidate-history";
import { describeOutcome, formatDuration } from "@/components/deliveries/outcome";
import { ProbeResultView } from "@/components/deliveries/probe-result";
import {
  deliveryMutations,
  latestTestQuery,
  type DeliverySummary,
  type ProbeResult,
} from "@/components/deliveries/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { OrgRef } from "@/lib/client/org";
import { formatDate, formatRelative } from "@/lib/client/format";
import { webhookKeys, type Webhook } from "@/lib/webhooks/queries";

type Probed = Extract<Webhook["status"], "pending" | "disabled">;

const copy: Record<Probed, { title: string; body: string; button: string; tone: "warning" | "danger" }> = {
  pending: {
    title: "Awaiting activation: the test event must get a 2xx",
    body: "The hub sends the test trigger with an empty payload to this URL. Until it answers with a 2xx, the webhook receives no events.",
    button: "Send test event",
    tone: "warning",
  },
  disabled: {
    title: "Disabled: nothing is sent",
    body: 'The hub switched this webhook off. Refresh availability sends its test event; a 2xx answer enables it again. Events it missed meanwhile are kept as failed deliveries: once it is enabled, "Recover failed since…" sends them again.',
    button: "Refresh availability",
    tone: "danger",
  },
};

export const needsProbe = (status: Webhook["status"]): status is Probed =>
  status === "pending" || status === "disabled";

/**
 * The webhook's test, said once: its latest test delivery, if that went to the webhook's current
 * URL. A test of the previous URL says nothing about this one; the one for this URL was queued
 * with the change that made the webhook pending, and shows here once it has gone out.
 */
function LastTest({ latest, url }: { latest: DeliverySummary | null; url: string }) {
  if (!latest) return <p>No test event has been sent yet.</p>;
  // Not yet attempted (null) counts as this URL's: it was created for the webhook as it is now.
  if (latest.lastRequestUrl !== null && latest.lastRequestUrl !== url)
    return <p>The test event to this URL is on its way.</p>;
  const at = latest.lastAttemptAt ?? latest.createdAt;
  const outcome = describeOutcome(latest.lastResponseStatus, latest.lastErrorClass, latest.attemptCount > 0);
  return (
    <p>
      Last test event: <span className="font-medium">{latest.status === "succeeded" ? "succeeded" : "failed"}</span>,{" "}
      {outcome}
      {latest.lastDurationMs !== null ? ` in ${formatDuration(latest.lastDurationMs)}` : null},{" "}
      <span title={formatDate(at)}>{formatRelative(at)}</span>.
    </p>
  );
}

/** A pending or disabled webhook's state, its last probe, and the button that probes it again. */
export function ActivationPanel({
  org,
  webhook,
  status,
  canWrite,
}: {
  org: OrgRef;
  webhook: Webhook;
  status: Probed;
  canWrite: boolean;
}) {
  const [result, setResult] = useState<ProbeResult | null>(null);
  const queryClient = useQueryClient();
  const { toast } = useToast();
  // Activation runs in the background right after saving: watch for its test event.
  const lastTest = useQuery({
    ...latestTestQuery(org, webhook.id),
    refetchInterval: status === "pending" ? 3_000 : false,
  });
  const probe = useMutation({
    mutationFn: () => deliveryMutations.refreshAvailability(org, webhook.id),
    onSuccess: async ({ webhook: probed, result: outcome }) => {
      setResult(outcome);
      queryClient.setQueryData(webhookKeys.detail(org, probed.id), probed);
      toast(
        outcome.success
          ? { title: "Webhook active", description: "The test event got a 2xx.", tone: "success" }
          : { title: "Test event failed", tone: "error" },
      );
      await invalidateHistory(queryClient, org, webhook.id);
    },
    onError: (error) => toast({ title: "Could not send the test event", description: error.message, tone: "error" }),
  });
  const text = copy[status];

  return (
    <Alert tone={text.tone} title={text.title} role="region" aria-label="Activation" data-testid="activation-state">
      <div className="grid grid-cols-1 gap-3">
        <p>{text.body}</p>
        {/* A pending webhook's reason is its last test's outcome, which the line below says; a disabled one's is why the hub stopped it. */}
        {status === "disabled" && webhook.statusReason ? <p>{webhook.statusReason}</p> : null}
        {/* The probe just sent is shown in full; the summary line would repeat it. */}
        {result ? null : lastTest.data !== undefined ? <LastTest latest={lastTest.data} url={webhook.url} /> : null}
        <div aria-live="polite">{result ? <ProbeResultView result={result} /> : null}</div>
        {canWrite ? (
          <div>
            <Button variant="secondary" size="sm" loading={probe.isPending} onClick={() => probe.mutate()}>
              {text.button}
            </Button>
          </div>
        ) : null}
      </div>
    </Alert>
  );
}
