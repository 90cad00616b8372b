"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { actionsColumn, DataTable, listRows } from "@/components/data/data-table";
import { roleLabels } from "@/components/members/roles";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import type { OrgRef } from "@/lib/client/org";
import { formatDate, formatRelative } from "@/lib/client/format";
import { invitationExpired, invitationsQuery, orgKeys, orgMutations, type Invitation } from "@/lib/orgs/queries";

export function PendingInvitations({ org }: { org: OrgRef }) {
  const invitations = useQuery(invitationsQuery(org));
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => orgMutations.revokeInvitation(org, invitation.id),
    onSuccess: async (_, invitation) => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.invitations(org) });
      toast({ title: `Invitation for ${invitation.email} revoked`, tone: "success" });
      setRevoking(null);
    },
    onError: (failure) =>
      toast({ title: "Could not revoke the invitation", description: failure.message, tone: "error" }),
  });

  return (
    <Card className="mt-8">
      <CardHeader>
        <CardTitle>Pending invitations</CardTitle>
        <CardDescription>Invitations not accepted yet. Each link works once, for 7 days.</CardDescription>
      </CardHeader>
      <DataTable<Invitation>
        framed={false}
        caption="Pending invitations"
        columns={[
          { header: "Email", className: "font-medium text-zinc-900", cell: (invitation) => invitation.email },
          { header: "Role", cell: (invitation) => <Badge>{roleLabels[invitation.role]}</Badge> },
          {
            header: "Invited",
            className: "whitespace-nowrap text-zinc-500",
            cell: (invitation) => formatDate(invitation.createdAt),
          },
          {
            header: "Expires",
            className: "whitespace-nowrap text-zinc-500",
            title: (invitation) => formatDate(invitation.expiresAt),
            cell: (invitation) =>
              invitationExpired(invitation) ? (
                <Badge tone="warning">Expired</Badge>
              ) : (
                formatRelative(invitation.expiresAt)
              ),
          },
          actionsColumn((invitation) => (
            <Button variant="ghost" size="sm" onClick={() => setRevoking(invitation)}>
              Revoke
            </Button>
          )),
        ]}
        {...listRows(invitations)}
        errorTitle="Could not load invitations"
        skeletonLines={2}
        empty={<p className="border-t border-zinc-200 px-6 py-5 text-sm text-zinc-500">No pending invitations.</p>}
      />
      {revoking ? (
        <ConfirmDialog
          open
          tone="danger"
          title={`Revoke the invitation for ${revoking.email}?`}
          message="The link in their email stops working. You can invite them again later."
          confirmLabel="Revoke invitation"
          pending={revoke.isPending}
          onClose={() => setRevoking(null)}
          onConfirm={() => revoke.mutateAsync(revoking).catch(() => undefined)}
        />
      ) : null}
    </Card>
  );
}
