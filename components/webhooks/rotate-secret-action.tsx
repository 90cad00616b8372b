"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { WebhookFormat } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useToast } from "@/components/ui/toast";
import { apiFetch, type Json } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import { formatDate } from "@/lib/client/format";
import { webhookKeys, type Webhook } from "@/lib/webhooks/queries";
import type { RotatedSecretOutput } from "@/lib/webhooks/schemas";

/** What rotating means for each format's receivers; null where the format sends no signature. */
const rotationEffect: Record<WebhookFormat, string | null> = {
  standard:
    "For the next 24 hours every request carries two signatures, one per secret, so your receiver keeps verifying while you switch it to the new secret. After that only the new secret signs.",
  deepsource:
    "x-deepsource-signature holds one signature, so requests are signed with the new secret from now on. Update your receiver's secret right after rotating.",
  sonarqube:
    "X-Sonar-Webhook-HMAC-SHA256 holds one signature, so requests are signed with the new secret from now on. Update your receiver's secret right after rotating.",
  codescoring: null,
  scorecard: null,
  dejacode: null,
};

const rotate = (org: OrgRef, id: string) =>
  apiFetch<Json<RotatedSecretOutput>>(org.slug, `webhooks/${encodeURIComponent(id)}/rotate_secret`, { method: "POST" });

/** "Rotate secret" (or "Generate secret" when none is set): confirm, then show the new secret once. */
export function RotateSecretAction({ org, webhook }: { org: OrgRef; webhook: Webhook }) {
  const [confirming, setConfirming] = useState(false);
  const [revealed, setRevealed] = useState<Json<RotatedSecretOutput> | null>(null);
  const queryClient = useQueryClient();
  const { toast } = useToast();

  const mutation = useMutation({
    mutationFn: () => rotate(org, webhook.id),
    onSuccess: async (result) => {
      queryClient.setQueryData(webhookKeys.detail(org, webhook.id), result.webhook);
      setConfirming(false);
      setRevealed(result);
      await queryClient.invalidateQueries({ queryKey: webhookKeys.all(org) });
    },
    onError: (error) => toast({ title: "Could not rotate the secret", description: error.message, tone: "error" }),
  });

  const effect = rotationEffect[webhook.format];
  if (effect === null) return null;
  const verb = webhook.secretSet ? "Rotate" : "Generate";
  const validUntil = revealed?.webhook.previousSecretValidUntil;

  return (
    <>
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        {verb} secret
      </Button>
      <ConfirmDialog
        open={confirming}
        title={
          webhook.secretSet
            ? `Rotate the signing secret of ${webhook.name}?`
            : `Generate a signing secret for ${webhook.name}?`
        }
        message={
          webhook.secretSet
            ? effect
            : "The hub generates a secret, shows it to you once, and signs every request with it from now on."
        }
        confirmLabel={`${verb} secret`}
        pending={mutation.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          mutation.mutateAsync().then(
            () => undefined,
            () => setConfirming(false),
          )
        }
      />
      <Dialog
        open={revealed !== null}
        onClose={() => setRevealed(null)}
        size="lg"
        title="New signing secret"
        description={
          validUntil
            ? `The previous secret also signs until ${formatDate(validUntil)}.`
            : "Requests are signed with this secret from now on."
        }
        footer={<Button onClick={() => setRevealed(null)}>Done</Button>}
      >
        {revealed ? <SecretReveal label="Your new signing secret" value={revealed.secret} /> : null}
      </Dialog>
    </>
  );
}
