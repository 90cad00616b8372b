"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRoundIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { CreateTokenDialog } from "@/components/tokens/create-token-dialog";
import { TokenStatusBadge } from "@/components/tokens/token-status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ActionsTH, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { ResourceList } from "@/components/data/resource-list";
import type { OrgRef } from "@/lib/client/org";
import { formatDate, formatRelative } from "@/lib/client/format";
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
  const { data, isPending, error } = useQuery(tokensQuery(org));
  const [dialog, setDialog] = useState<Dialogs>(null);
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const revoke = useMutation({
    mutationFn: (token: Token) => tokenMutations.revoke(org, token.id),
    onSuccess: async (_, token) => {
      await queryClient.invalidateQueries({ queryKey: tokenKeys.all(org) });
      toast({ title: `Token ${token.name} revoked`, description: "Requests using it are now refused.", tone: "success" });
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
      <ResourceList
        isPending={isPending}
        error={error}
        data={data}
        isEmpty={(page) => page.data.length === 0}
        errorTitle="Could not load API tokens"
        skeletonLines={4}
        empty={
          <EmptyState
                bordered
                icon={<KeyRoundIcon className="size-5" />}
                title="No API tokens yet"
                description="Create a token for each service or pipeline that publishes events, so you can revoke one without touching the others."
                action={createButton}
              />
        }
      >
        {(page) => (
          <Table>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Scopes</TH>
                <TH>Created</TH>
                <TH>Last used</TH>
                <TH>Expires</TH>
                <TH>Status</TH>
                <ActionsTH />
              </TR>
            </THead>
            <TBody>
              {page.data.map((token) => {
                const status = tokenStatus(token);
                return (
                  <TR key={token.id} className={cn(status !== "active" && "text-zinc-500 [&_td]:opacity-80")}>
                    <TD>
                      <span className="block font-medium text-zinc-900">{token.name}</span>
                      <span className="font-mono text-xs whitespace-nowrap text-zinc-500">{token.prefix}…</span>
                    </TD>
                    <TD>
                      <ScopeBadges scopes={token.scopes} />
                    </TD>
                    <TD className="whitespace-nowrap text-zinc-500" title={formatDate(token.createdAt)}>
                      {formatRelative(token.createdAt)}
                    </TD>
                    <TD className="whitespace-nowrap text-zinc-500" title={token.lastUsedAt ? formatDate(token.lastUsedAt) : undefined}>
                      {token.lastUsedAt ? formatRelative(token.lastUsedAt) : "Never"}
                    </TD>
                    <TD className="whitespace-nowrap text-zinc-500" title={token.expiresAt ? formatDate(token.expiresAt) : undefined}>
                      {token.expiresAt ? formatRelative(token.expiresAt) : "Never"}
                    </TD>
                    <TD>
                      <TokenStatusBadge status={status} />
                    </TD>
                    <TD className="text-right">
                      {token.revokedAt ? null : (
                        <Button variant="ghost" size="sm" onClick={() => setDialog({ kind: "revoke", token })}>
                          Revoke
                        </Button>
                      )}
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </ResourceList>

      {dialog?.kind === "create" ? <CreateTokenDialog org={org} apiOrigin={apiOrigin} open onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === "revoke" ? (
        <ConfirmDialog
          open
          tone="danger"
          title={`Revoke ${dialog.token.name}?`}
          message={
            <>
              Requests sent with <span className="font-mono">{dialog.token.prefix}…</span> fail with 401 from now on. This cannot be undone.
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
