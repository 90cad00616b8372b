"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PortfolioDialog } from "@/components/portfolios/portfolio-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import type { OrgRef } from "@/lib/client/org";
import { portfolioKeys, portfolioMutations, portfoliosQuery, type Portfolio } from "@/lib/portfolios/queries";
import { projectsQuery } from "@/lib/projects/queries";

/** The org's portfolios under its projects: each with its projects' keys, to create, edit or delete. */
export function PortfoliosPanel({ org, canWrite }: { org: OrgRef; canWrite: boolean }) {
  const portfolios = useQuery(portfoliosQuery(org)).data?.data ?? [];
  const projects = useQuery(projectsQuery(org)).data?.data ?? [];
  const [editing, setEditing] = useState<{ portfolio?: Portfolio } | null>(null);
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const remove = useMutation({
    mutationFn: (portfolio: Portfolio) => portfolioMutations.remove(org, portfolio.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: portfolioKeys.all(org) });
      toast({ title: "Portfolio deleted", tone: "success" });
    },
    onError: (failure) =>
      toast({ title: "Could not delete the portfolio", description: failure.message, tone: "error" }),
  });
  const keyOf = (id: string) => projects.find((project) => project.id === id)?.key ?? id;

  return (
    <Card className="mt-6">
      <CardHeader>
        <CardTitle>Portfolios</CardTitle>
        <p className="text-sm text-zinc-500">
          Saved selections of projects a webhook can be scoped to; it follows the portfolio as projects are added.
        </p>
      </CardHeader>
      <CardContent>
        {portfolios.length === 0 ? <p className="text-sm text-zinc-500">No portfolios yet.</p> : null}
        <ul className="divide-y divide-zinc-100">
          {portfolios.map((portfolio) => (
            <li key={portfolio.id} className="flex items-center justify-between gap-3 py-2">
              <span className="grid grid-cols-1 gap-0.5">
                <span className="text-sm font-medium text-zinc-800">{portfolio.name}</span>
                <span className="font-mono text-xs text-zinc-500">{portfolio.projectIds.map(keyOf).join(", ")}</span>
              </span>
              {canWrite ? (
                <span className="flex gap-2">
                  <Button variant="secondary" size="sm" onClick={() => setEditing({ portfolio })}>
                    Edit
                  </Button>
                  <Button
                    variant="secondary"
                    size="sm"
                    loading={remove.isPending && remove.variables?.id === portfolio.id}
                    onClick={() => remove.mutate(portfolio)}
                  >
                    Delete
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        {canWrite ? (
          <Button
            className="mt-3"
            variant="secondary"
            size="sm"
            onClick={() => setEditing({})}
            disabled={projects.length === 0}
          >
            New portfolio
          </Button>
        ) : null}
      </CardContent>
      {editing ? (
        <PortfolioDialog org={org} projects={projects} portfolio={editing.portfolio} onClose={() => setEditing(null)} />
      ) : null}
    </Card>
  );
}
