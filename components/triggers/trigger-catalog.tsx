"use client";

import { useQuery } from "@tanstack/react-query";
import { PlusIcon, ZapIcon } from "lucide-react";
import { useState } from "react";
import { ResourceList } from "@/components/data/resource-list";
import { AddTriggerDialog } from "@/components/triggers/add-trigger-dialog";
import { groupBySource } from "@/components/triggers/sources";
import { TriggerItem } from "@/components/triggers/trigger-item";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { OrgRef } from "@/lib/client/org";
import { eventTypesQuery } from "@/lib/event-types/queries";
import { hubScopeNames, scorecardScopeNames } from "@/lib/webhooks/scope-names";

export function TriggerCatalog({ org, canWrite }: { org: OrgRef; canWrite: boolean }) {
  const { data, isPending, error } = useQuery(eventTypesQuery(org));
  const [adding, setAdding] = useState(false);

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
      <ResourceList
        isPending={isPending}
        error={error}
        data={data?.data}
        isEmpty={(triggers) => triggers.length === 0}
        errorTitle="Could not load the trigger catalog"
        skeletonLines={8}
        empty={
          <EmptyState
            bordered
            icon={<ZapIcon className="size-5" />}
            title="No triggers"
            description="This organization's catalog is empty."
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
                    <TriggerItem key={trigger.id} trigger={trigger} />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </ResourceList>
      {adding ? <AddTriggerDialog org={org} open onClose={() => setAdding(false)} /> : null}
    </>
  );
}
