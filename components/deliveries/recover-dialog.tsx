"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { invalidateHistory } from "@/components/deliveries/invalidate-history";
import { deliveryMutations } from "@/components/deliveries/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, FormDialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { OrgRef } from "@/lib/client/org";

/** A date as a datetime-local input shows it: local wall time to the minute. */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

const dayAgo = () => toLocalInput(new Date(Date.now() - 86_400_000));

function RecoverForm({ org, webhookId, onDone }: { org: OrgRef; webhookId: string; onDone: () => void }) {
  const formId = useId();
  const [since, setSince] = useState(dayAgo);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const recover = useMutation({
    mutationFn: (moment: Date) => deliveryMutations.recover(org, webhookId, moment),
    onSuccess: async ({ requeued }) => {
      toast(
        requeued === 0
          ? { title: "Nothing to recover", description: "No failed deliveries since then.", tone: "info" }
          : {
              title: `${requeued} failed ${requeued === 1 ? "delivery" : "deliveries"} queued`,
              description: "They are sent again in the background.",
              tone: "success",
            },
      );
      await invalidateHistory(queryClient, org, webhookId);
      onDone();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const moment = new Date(since);
    if (!since || Number.isNaN(moment.getTime())) {
      setFieldError("Choose a date and time.");
      return;
    }
    if (moment.getTime() > Date.now()) {
      setFieldError("Choose a moment in the past: nothing has failed since a time still to come.");
      return;
    }
    setFieldError(null);
    recover.mutate(moment);
  }

  return (
    <Dialog
      open
      onClose={onDone}
      title="Recover failed deliveries"
      description="Every delivery of this webhook that failed since this moment is sent again, once, with its original id."
      footer={<FormDialogFooter formId={formId} submitLabel="Recover" pending={recover.isPending} onCancel={onDone} />}
    >
      <form id={formId} onSubmit={submit} noValidate className="grid grid-cols-1 gap-4">
        {recover.error ? (
          <Alert tone="danger" title="Could not recover">
            {recover.error.message}
          </Alert>
        ) : null}
        <Field label="Since" required hint="Your local time." error={fieldError}>
          <Input
            type="datetime-local"
            value={since}
            max={toLocalInput(new Date())}
            onChange={(event) => setSince(event.target.value)}
            required
          />
        </Field>
      </form>
    </Dialog>
  );
}

export function RecoverButton({ org, webhookId }: { org: OrgRef; webhookId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Recover failed since…
      </Button>
      {open ? <RecoverForm org={org} webhookId={webhookId} onDone={() => setOpen(false)} /> : null}
    </>
  );
}
