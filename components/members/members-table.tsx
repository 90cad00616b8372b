"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlusIcon } from "lucide-react";
import { useState } from "react";
import { actionsColumn, DataTable, listRows } from "@/components/data/data-table";
import { InviteMemberDialog } from "@/components/members/invite-member-dialog";
import { roleLabels } from "@/components/members/roles";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import type { Role } from "@/generated/prisma/enums";
import { canAssignRole, roles } from "@/lib/auth/permissions";
import type { OrgRef } from "@/lib/client/org";
import { formatDate } from "@/lib/client/format";
import { membersQuery, orgKeys, orgMutations, type Member } from "@/lib/orgs/queries";

type Dialogs = { kind: "invite" } | { kind: "remove"; member: Member } | null;

/** Who manages members, and as whom: `actorRole` decides which roles they may grant. */
interface Manager {
  actorRole: Role;
}

export function MembersTable({
  org,
  currentUserId,
  manager,
}: {
  org: OrgRef;
  currentUserId: string;
  manager: Manager | null;
}) {
  const members = useQuery(membersQuery(org));
  const [dialog, setDialog] = useState<Dialogs>(null);
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: Role }) => orgMutations.changeRole(org, member.id, role),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.members(org) });
      toast({ title: `${updated.user.email} is now ${roleLabels[updated.role].toLowerCase()}`, tone: "success" });
    },
    onError: (failure) => toast({ title: "Could not change the role", description: failure.message, tone: "error" }),
  });
  const remove = useMutation({
    mutationFn: (member: Member) => orgMutations.removeMember(org, member.id),
    onSuccess: async (_, member) => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.members(org) });
      toast({ title: `${member.user.email} removed`, tone: "success" });
      setDialog(null);
    },
    onError: (failure) => {
      toast({ title: "Could not remove the member", description: failure.message, tone: "error" });
      setDialog(null);
    },
  });

  const inviteButton = manager ? (
    <Button onClick={() => setDialog({ kind: "invite" })}>
      <PlusIcon /> Invite member
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title="Members"
        description="People who can sign in to this organization, and what their role lets them do."
        actions={inviteButton}
      />
      <DataTable<Member>
        caption="Members"
        columns={[
          {
            header: "Name",
            cell: (member) => (
              <span className="flex items-center gap-2.5">
                <span
                  aria-hidden
                  className="grid size-7 shrink-0 place-items-center rounded-full bg-accent-50 text-xs font-semibold text-accent-700"
                >
                  {(member.user.name ?? member.user.email).slice(0, 1).toUpperCase()}
                </span>
                <span className="font-medium text-zinc-900">{member.user.name ?? "—"}</span>
                {member.user.id === currentUserId ? <Badge tone="accent">You</Badge> : null}
              </span>
            ),
          },
          { header: "Email", className: "text-zinc-600", cell: (member) => member.user.email },
          {
            header: "Role",
            cell: (member) => {
              if (!manager)
                return <Badge tone={member.role === "owner" ? "accent" : "neutral"}>{roleLabels[member.role]}</Badge>;
              const pendingRole =
                changeRole.isPending && changeRole.variables.member.id === member.id ? changeRole.variables.role : null;
              return (
                <Select
                  aria-label={`Role for ${member.user.email}`}
                  value={pendingRole ?? member.role}
                  disabled={pendingRole !== null || !canAssignRole(manager.actorRole, member.role)}
                  onChange={(event) => changeRole.mutate({ member, role: event.currentTarget.value as Role })}
                  wrapperClassName="w-32"
                  className="h-8"
                >
                  {roles.map((role) => (
                    <option key={role} value={role} disabled={!canAssignRole(manager.actorRole, role)}>
                      {roleLabels[role]}
                    </option>
                  ))}
                </Select>
              );
            },
          },
          {
            header: "Joined",
            className: "whitespace-nowrap text-zinc-500",
            cell: (member) => formatDate(member.createdAt),
          },
          manager &&
            actionsColumn((member) =>
              member.user.id === currentUserId || !canAssignRole(manager.actorRole, member.role) ? null : (
                <Button variant="ghost" size="sm" onClick={() => setDialog({ kind: "remove", member })}>
                  Remove
                </Button>
              ),
            ),
        ]}
        {...listRows(members)}
        errorTitle="Could not load members"
        skeletonLines={3}
      />

      {manager && dialog?.kind === "invite" ? (
        <InviteMemberDialog org={org} actorRole={manager.actorRole} open onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "remove" ? (
        <ConfirmDialog
          open
          tone="danger"
          title={`Remove ${dialog.member.user.name ?? dialog.member.user.email}?`}
          message={`${dialog.member.user.email} loses access to this organization right away. API tokens they created keep working until you revoke them.`}
          confirmLabel="Remove member"
          pending={remove.isPending}
          onClose={() => setDialog(null)}
          onConfirm={() => remove.mutateAsync(dialog.member).catch(() => undefined)}
        />
      ) : null}
    </>
  );
}
