"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlusIcon, ZapIcon } from "lucide-react";
import { useState } from "react";
import { ResourceList } from "@/components/data/resource-list";
import { AddTriggerDialog } from "@/components/triggers/add-trigger-dialog";
import { SendExampleAction } from "@/components/triggers/send-example-action";
import { SendExampleDialog } from "@/components/triggers/send-example-dialog";
import { groupBySource } from "@/components/triggers/sources";
import { TriggerItem } from "@/components/triggers/trigger-item";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useToast } from "@/components/ui/toast";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { OrgRef } from "@/lib/client/org";
import { eventTypeKeys, eventTypeMutations, eventTypesQuery, type EventType } from "@/lib/event-types/queries";
import { hubScopeNames, scorecardScopeNames } from "@/lib/webhooks/scope-names";

const matches = (trigger: EventType, search: string) =>
  !search || trigger.name.toLowerCase().includes(search) || trigger.description.toLowerCase().includes(search);

export function TriggerCatalog({ org, canWrite }: { org: OrgRef; canWrite: boolean }) {
  const { data, isPending, error } = useQuery(eventTypesQuery(org));
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<EventType | null>(null);
  const [deleting, setDeleting] = useState<EventType | null>(null);
  const [sendingExample, setSendingExample] = useState<EventType | null>(null);
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const remove = useMutation({
    mutationFn: (trigger: EventType) => eventTypeMutations.remove(org, trigger.name),
    onSuccess: async (_, trigger) => {
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: eventTypeKeys.all(org) });
      toast({ title: `Trigger ${trigger.name} deleted`, tone: "success" });
    },
    onError: (failure) => {
      setDeleting(null);
      toast({ title: "Could not delete the trigger", description: failure.message, tone: "error" });
    },
  });

  return (
    <>
      <PageHeader
        title="Triggers"
        description="The events webhooks can subscribe to: every trigger the supported products send, plus your own."
        actions={
          canWrite ? (
            <Button onClick={() => setAdding(true)}>
              <PlusIcon /> Add trigger
            </Button>
          ) : null
        }
      />
      <div className="mb-4 max-w-sm">
        <Label htmlFor="trigger-search">Search triggers</Label>
        <Input
          id="trigger-search"
          type="search"
          value={search}
          onChange={(typed) => setSearch(typed.target.value)}
          placeholder="Name or description"
          className="mt-1.5"
        />
      </div>
      <ResourceList
        isPending={isPending}
        error={error}
        data={data?.data.filter((trigger) => matches(trigger, needle))}
        isEmpty={(triggers) => triggers.length === 0}
        errorTitle="Could not load the trigger catalog"
        skeletonLines={8}
        empty={
          <EmptyState
            bordered
            icon={<ZapIcon className="size-5" />}
            title={needle ? "No trigger matches" : "No triggers"}
            description={
              needle ? "Try part of the name or of its description." : "This organization's catalog is empty."
            }
          />
        }
      >
        {(triggers) => (
          <div className="divide-y divide-zinc-200 overflow-hidden rounded-card">
            {groupBySource(triggers).map((group) => (
              <section key={group.source} aria-labelledby={`source-${group.source}`}>
                <h2
                  id={`source-${group.source}`}
                  className="flex items-center justify-between bg-zinc-50/70 px-6 py-2.5 text-sm font-semibold text-zinc-900"
                >
                  {group.label}
                  <span className="text-xs font-normal text-zinc-500">
                    {group.triggers.length} {group.triggers.length === 1 ? "trigger" : "triggers"}
                  </span>
                </h2>
                {group.source === "scorecard" ? (
                  <p className="px-6 py-2 text-xs text-zinc-500">
                    SecurityScorecard rule scopes in the hub: {scorecardScopeNames.project} ={" "}
                    {hubScopeNames.project.toLowerCase()}, {scorecardScopeNames.all} = {hubScopeNames.all.toLowerCase()}
                    , {scorecardScopeNames.selected} = a portfolio (a saved selection of projects).
                  </p>
                ) : null}
                <ul className="divide-y divide-zinc-100">
                  {group.triggers.map((trigger) => (
                    <TriggerItem
                      key={trigger.id}
                      trigger={trigger}
                      actions={
                        canWrite ? (
                          <>
                            <SendExampleAction trigger={trigger} onClick={() => setSendingExample(trigger)} />
                            {trigger.source === "custom" ? (
                              <>
                                <Button
                                  variant="ghost"
                                  size="sm"
                                  onClick={() => setEditing(trigger)}
                                  aria-label={`Edit ${trigger.name}`}
                                >
                                  Edit
                                </Button>
                                <Button
                                  variant="ghost"
                                  size="sm"
                                  onClick={() => setDeleting(trigger)}
                                  aria-label={`Delete ${trigger.name}`}
                                >
                                  Delete
                                </Button>
                              </>
                            ) : null}
                          </>
                        ) : null
                      }
                    />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </ResourceList>
      {adding ? <AddTriggerDialog org={org} open onClose={() => setAdding(false)} /> : null}
      {editing ? <AddTriggerDialog org={org} open editing={editing} onClose={() => setEditing(null)} /> : null}
      {sendingExample ? (
        <SendExampleDialog org={org} trigger={sendingExample} onClose={() => setSendingExample(null)} />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        tone="danger"
        title={`Delete ${deleting?.name}?`}
        message="Publishing an event of this trigger is refused once it is gone. A trigger that webhooks subscribe to is kept until they no longer do."
        confirmLabel="Delete trigger"
        pending={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting);
        }}
      />
    </>
  );
}
