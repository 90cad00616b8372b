"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { SkeletonText } from "@/components/ui/skeleton";
import { SentExampleResult, type SentExample } from "@/components/webhooks/sent-example-result";
import { useSendExample } from "@/components/webhooks/use-send-example";
import { webhookStatuses } from "@/components/webhooks/webhook-status-badge";
import type { OrgRef } from "@/lib/client/org";
import type { EventType } from "@/lib/event-types/queries";
import { webhooksQuery, type Webhook } from "@/lib/webhooks/queries";

function WebhookOption({ webhook }: { webhook: Webhook }) {
  const status = webhook.status === "active" ? "" : ` (${webhookStatuses[webhook.status].label.toLowerCase()})`;
  return <option value={webhook.id}>{`${webhook.name}${status}`}</option>;
}

/** No webhook would receive this trigger: say why, and where to make one that does. */
function NoWebhook({ org, trigger, orgHasWebhooks }: { org: OrgRef; trigger: string; orgHasWebhooks: boolean }) {
  return (
    <div className="grid justify-items-start gap-3 text-sm text-zinc-600">
      <p>
        {orgHasWebhooks ? (
          <>
            None of this organization&apos;s webhooks subscribes to <code className="font-mono">{trigger}</code>. A
            webhook receives it once the trigger is one of its triggers, or when it takes every trigger.
          </>
        ) : (
          "This organization has no webhooks yet: create one to send this example to."
        )}
      </p>
      <Link href={`/${org.slug}/webhooks/new`} className={buttonClassName("secondary", "sm")}>
        Create a webhook
      </Link>
    </div>
  );
}

/**
 * Svix's "send example" from the catalog: the trigger's example payload, sent now to one of the
 * webhooks an event of it would go to (those naming it first, then those taking every trigger),
 * in that webhook's format, as a test delivery. The webhook's own page does the same for its triggers.
 */
export function SendExampleDialog({ org, trigger, onClose }: { org: OrgRef; trigger: EventType; onClose: () => void }) {
  const receiving = useInfiniteQuery(webhooksQuery(org, { trigger: trigger.name }));
  const webhooks = receiving.data?.pages.flatMap((page) => page.data) ?? [];
  const none = receiving.isSuccess && webhooks.length === 0;
  // Only asked when no webhook receives the trigger: whether the org has any webhook at all.
  const anyWebhook = useInfiniteQuery({ ...webhooksQuery(org, {}), enabled: none });
  const named = webhooks.filter((webhook) => webhook.triggers.includes(trigger.name));
  const everyTrigger = webhooks.filter((webhook) => webhook.triggers.length === 0);
  const [chosen, setChosen] = useState("");
  const [sent, setSent] = useState<{ example: SentExample; webhook: Webhook } | null>(null);
  const send = useSendExample(org);
  const selectId = useId();
  const formId = useId();
  const webhookId = chosen || named[0]?.id || everyTrigger[0]?.id || "";

  const submit = (submitted: FormEvent) => {
    submitted.preventDefault();
    const webhook = webhooks.find((candidate) => candidate.id === webhookId);
    if (!webhook) return;
    setSent(null);
    send.mutate(
      { webhookId: webhook.id, eventType: trigger.name },
      { onSuccess: (example) => setSent({ example, webhook }) },
    );
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={
        <>
          Send an example of <code className="font-mono">{trigger.name}</code>
        </>
      }
      description="Its example payload, sent now to one webhook in that webhook's format and signed as its deliveries are. It shows in the webhook's history as a test delivery and does not change the webhook's status."
      footer={
        <>
          <Button type="button" variant="secondary" onClick={onClose}>
            Close
          </Button>
          {webhooks.length > 0 ? (
            <Button type="submit" form={formId} loading={send.isPending}>
              Send example
            </Button>
          ) : null}
        </>
      }
    >
      <div className="grid grid-cols-1 gap-4">
        {receiving.error ? (
          <Alert tone="danger" title="Could not load the webhooks">
            {receiving.error.message}
          </Alert>
        ) : receiving.isPending ? (
          <SkeletonText lines={2} />
        ) : none ? (
          anyWebhook.isSuccess ? (
            <NoWebhook
              org={org}
              trigger={trigger.name}
              orgHasWebhooks={(anyWebhook.data.pages[0]?.data.length ?? 0) > 0}
            />
          ) : (
            <SkeletonText lines={2} />
          )
        ) : (
          <form id={formId} onSubmit={submit} className="grid grid-cols-1 gap-1.5">
            <Label htmlFor={selectId}>Webhook</Label>
            <Select id={selectId} value={webhookId} onChange={(changed) => setChosen(changed.target.value)}>
              {named.length > 0 ? (
                <optgroup label={`Subscribed to ${trigger.name}`}>
                  {named.map((webhook) => (
                    <WebhookOption key={webhook.id} webhook={webhook} />
                  ))}
                </optgroup>
              ) : null}
              {everyTrigger.length > 0 ? (
                <optgroup label="Taking every trigger">
                  {everyTrigger.map((webhook) => (
                    <WebhookOption key={webhook.id} webhook={webhook} />
                  ))}
                </optgroup>
              ) : null}
            </Select>
            {receiving.hasNextPage ? (
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="justify-self-start"
                loading={receiving.isFetchingNextPage}
                onClick={() => void receiving.fetchNextPage()}
              >
                List more webhooks
              </Button>
            ) : null}
          </form>
        )}
        <SentExampleResult
          sent={sent?.example ?? null}
          webhook={sent ? { name: sent.webhook.name, href: `/${org.slug}/webhooks/${sent.webhook.id}` } : undefined}
        />
      </div>
    </Dialog>
  );
}
