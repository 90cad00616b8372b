"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRoundIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { actionsColumn, DataTable, listRows, timeColumn } from "@/components/data/data-table";
import { CreateTokenDialog } from "@/components/tokens/create-token-dialog";
import { TokenStatusBadge } from "@/components/tokens/token-status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { useToast } from "@/components/ui/toast";
import type { OrgRef } from "@/lib/client/org";
import { tokenKeys, tokenMutations, tokensQuery, tokenStatus, type Token } from "@/lib/tokens/queries";

type Dialogs = { kind: "create" } | { kind: "revoke"; token: Token } | null;

const visibleScopes = 3;

function ScopeBadges({ scopes }: { scopes: string[] }) {
  const hidden = scopes.slice(visibleScopes);
  return (
    <div className="flex max-w-64 flex-wrap gap-1">
      {scopes.slice(0, visibleScopes).map((scope) => (
        <Badge key={scope} className="font-mono">
          {scope}
        </Badge>
      ))}
      {hidden.length > 0 ? <Badge title={hidden.join(", ")}>+{hidden.length} more</Badge> : null}
    </div>
  );
}

export function TokensTable({ org, apiOrigin }: { org: OrgRef; apiOrigin: string }) {
  const tokens = useQuery(tokensQuery(org));
  const [dialog, setDialog] = useState<Dialogs>(null);
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const revoke = useMutation({
    mutationFn: (token: Token) => tokenMutations.revoke(org, token.id),
    onSuccess: async (_, token) => {
      await queryClient.invalidateQueries({ queryKey: tokenKeys.all(org) });
      toast({
        title: `Token ${token.name} revoked`,
        description: "Requests using it are now refused.",
        tone: "success",
      });
      setDialog(null);
    },
    onError: (failure) => toast({ title: "Could not revoke the token", description: failure.message, tone: "error" }),
  });

  const createButton = (
    <Button onClick={() => setDialog({ kind: "create" })}>
      <PlusIcon /> New token
    </Button>
  );

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let your services call the API as this organization, limited to the scopes you grant. Each token is shown once, when it is created."
        actions={createButton}
      />
      <DataTable<Token>
        caption="API tokens"
        columns={[
          {
            header: "Name",
            cell: (token) => (
              <>
                <span className="block font-medium text-zinc-900">{token.name}</span>
                <span className="font-mono text-xs whitespace-nowrap text-zinc-500">{token.prefix}…</span>
              </>
            ),
          },
          { header: "Scopes", cell: (token) => <ScopeBadges scopes={token.scopes} /> },
          timeColumn("Created", (token) => token.createdAt),
          timeColumn("Last used", (token) => token.lastUsedAt, { none: "Never" }),
          timeColumn("Expires", (token) => token.expiresAt, { none: "Never" }),
          { header: "Status", cell: (token) => <TokenStatusBadge status={tokenStatus(token)} /> },
          actionsColumn((token) =>
            token.revokedAt ? null : (
              <Button variant="ghost" size="sm" onClick={() => setDialog({ kind: "revoke", token })}>
                Revoke
              </Button>
            ),
          ),
        ]}
        rowProps={(token) => ({ className: cn(tokenStatus(token) !== "active" && "text-zinc-500 [&_td]:opacity-80") })}
        {...listRows(tokens)}
        errorTitle="Could not load API tokens"
        empty={
          <EmptyState
            bordered
            icon={<KeyRoundIcon className="size-5" />}
            title="No API tokens yet"
            description="Create a token for each service or pipeline that publishes events, so you can revoke one without touching the others."
            action={createButton}
          />
        }
      />

      {dialog?.kind === "create" ? (
        <CreateTokenDialog org={org} apiOrigin={apiOrigin} open onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "revoke" ? (
        <ConfirmDialog
          open
          tone="danger"
          title={`Revoke ${dialog.token.name}?`}
          message={
            <>
              Requests sent with <span className="font-mono">{dialog.token.prefix}…</span> fail with 401 from now on.
              This cannot be undone.
            </>
          }
          confirmLabel="Revoke token"
          pending={revoke.isPending}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await revoke.mutateAsync(dialog.token).catch(() => undefined);
          }}
        />
      ) : null}
    </>
  );
}
