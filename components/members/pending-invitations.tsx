"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { roleLabels } from "@/components/members/roles";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SkeletonText } from "@/components/ui/skeleton";
import { ActionsTH, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { OrgRef } from "@/lib/client/org";
import { formatDate, formatRelative } from "@/lib/client/format";
import { invitationExpired, invitationsQuery, orgKeys, orgMutations, type Invitation } from "@/lib/orgs/queries";

export function PendingInvitations({ org }: { org: OrgRef }) {
  const { data, isPending, error } = useQuery(invitationsQuery(org));
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
    onError: (failure) => toast({ title: "Could not revoke the invitation", description: failure.message, tone: "error" }),
  });

  return (
    <Card className="mt-8">
      <CardHeader>
        <CardTitle>Pending invitations</CardTitle>
        <CardDescription>Invitations not accepted yet. Each link works once, for 7 days.</CardDescription>
      </CardHeader>
      {error ? (
        <div className="px-6 pb-5">
          <Alert tone="danger" title="Could not load invitations">{error.message}</Alert>
        </div>
      ) : isPending ? (
        <div className="px-6 pb-5">
          <SkeletonText lines={2} />
        </div>
      ) : data.data.length === 0 ? (
        <p className="border-t border-zinc-200 px-6 py-5 text-sm text-zinc-500">No pending invitations.</p>
      ) : (
        <Table>
          <THead>
            <TR>
              <TH>Email</TH>
              <TH>Role</TH>
              <TH>Invited</TH>
              <TH>Expires</TH>
              <ActionsTH />
            </TR>
          </THead>
          <TBody>
            {data.data.map((invitation) => {
              const expired = invitationExpired(invitation);
              return (
                <TR key={invitation.id}>
                  <TD className="font-medium text-zinc-900">{invitation.email}</TD>
                  <TD>
                    <Badge>{roleLabels[invitation.role]}</Badge>
                  </TD>
                  <TD className="whitespace-nowrap text-zinc-500">{formatDate(invitation.createdAt)}</TD>
                  <TD className="whitespace-nowrap text-zinc-500" title={formatDate(invitation.expiresAt)}>
                    {expired ? <Badge tone="warning">Expired</Badge> : formatRelative(invitation.expiresAt)}
                  </TD>
                  <TD className="text-right">
                    <Button variant="ghost" size="sm" onClick={() => setRevoking(invitation)}>
                      Revoke
                    </Button>
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
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
