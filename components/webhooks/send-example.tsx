"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { SentExampleResult, type SentExample } from "@/components/webhooks/sent-example-result";
import { useSendExample } from "@/components/webhooks/use-send-example";
import type { OrgRef } from "@/lib/client/org";
import { eventTypesQuery } from "@/lib/event-types/queries";
import type { Webhook } from "@/lib/webhooks/queries";

/** Svix's "send example": a trigger the webhook subscribes to, its catalog example sent now, as a test delivery. */
export function SendExample({ org, webhook }: { org: OrgRef; webhook: Webhook }) {
  const catalog = useQuery(eventTypesQuery(org)).data?.data ?? [];
  const triggers = webhook.triggers.length > 0 ? catalog.filter((t) => webhook.triggers.includes(t.name)) : catalog;
  const [chosen, setChosen] = useState("");
  const [sent, setSent] = useState<SentExample | null>(null);
  const send = useSendExample(org);
  const selectId = useId();
  const eventType = chosen || triggers[0]?.name || "";
  const example = triggers.find((trigger) => trigger.name === eventType)?.examplePayload ?? null;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Send an example event</CardTitle>
        <CardDescription>
          A trigger&apos;s example payload from the catalog, sent now in this webhook&apos;s format and signed as its
          deliveries are. It shows in the history as a test delivery and does not change the webhook&apos;s status.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-3">
        {triggers.length === 0 ? (
          <p className="text-sm text-zinc-500">None of this webhook&apos;s triggers is in the catalog.</p>
        ) : (
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(submitted) => {
              submitted.preventDefault();
              setSent(null);
              send.mutate({ webhookId: webhook.id, eventType }, { onSuccess: setSent });
            }}
          >
            <div className="grid min-w-0 grid-cols-1 gap-1.5">
              <Label htmlFor={selectId}>Trigger</Label>
              <Select
                id={selectId}
                value={eventType}
                onChange={(changed) => setChosen(changed.target.value)}
                wrapperClassName="w-72 max-w-full"
              >
                {triggers.map((trigger) => (
                  <option key={trigger.name} value={trigger.name}>
                    {trigger.name}
                  </option>
                ))}
              </Select>
            </div>
            <Button type="submit" variant="secondary" loading={send.isPending}>
              Send example
            </Button>
          </form>
        )}
        {triggers.length > 0 && example === null ? (
          <p className="text-sm text-zinc-500">This trigger has no example payload: it is sent with an empty one.</p>
        ) : null}
        <SentExampleResult sent={sent} />
      </CardContent>
    </Card>
  );
}
