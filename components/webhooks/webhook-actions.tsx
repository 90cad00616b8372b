"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { RotateSecretAction } from "@/components/webhooks/rotate-secret-action";
import type { OrgRef } from "@/lib/client/org";
import { webhookKeys, webhookMutations, type Webhook } from "@/lib/webhooks/queries";

export function WebhookActions({ org, webhook }: { org: OrgRef; webhook: Webhook }) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const router = useRouter();
  const { toast } = useToast();

  const setActive = useMutation({
    mutationFn: (active: boolean) => webhookMutations.patch(org, webhook.id, { active }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(webhookKeys.detail(org, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: webhookKeys.all(org) });
      toast({
        title: saved.active ? "Webhook resumed" : "Webhook paused",
        description: saved.active ? undefined : "Its events are held and sent, in order, when you resume it.",
        tone: "success",
      });
    },
    onError: (error) => toast({ title: "Could not change the webhook", description: error.message, tone: "error" }),
  });

  const remove = useMutation({
    mutationFn: () => webhookMutations.remove(org, webhook.id),
    onSuccess: async () => {
      // Only the lists: refetching this webhook now would flash "not found" before the page changes.
      await queryClient.invalidateQueries({ queryKey: webhookKeys.lists(org) });
      router.push(`/${org.slug}/webhooks`);
      toast({ title: `Webhook ${webhook.name} deleted`, tone: "success" });
    },
    onError: (error) => toast({ title: "Could not delete the webhook", description: error.message, tone: "error" }),
  });

  return (
    <>
      <Link href={`/${org.slug}/webhooks/${webhook.id}/edit`} className={buttonClassName("secondary")}>
        Edit
      </Link>
      <Button variant="secondary" loading={setActive.isPending} onClick={() => setActive.mutate(!webhook.active)}>
        {webhook.active ? "Pause" : "Resume"}
      </Button>
      <RotateSecretAction org={org} webhook={webhook} />
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={confirming}
        tone="danger"
        title={`Delete ${webhook.name}?`}
        message="The hub stops calling this URL at once. This cannot be undone."
        confirmLabel="Delete webhook"
        pending={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutateAsync().catch(() => setConfirming(false))}
      />
    </>
  );
}
