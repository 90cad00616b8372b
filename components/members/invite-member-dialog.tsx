"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { inviteNotice, sentInvitationMessage } from "@/components/members/invite-notice";
import { roleDescriptions, roleLabels } from "@/components/members/roles";
import { Alert } from "@/components/ui/alert";
import { Dialog, FormDialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import type { Role } from "@/generated/prisma/enums";
import { canAssignRole, roles } from "@/lib/auth/permissions";
import { formErrors } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import { invitationsQuery, membersQuery, orgKeys, orgMutations } from "@/lib/orgs/queries";

export function InviteMemberDialog({
  org,
  actorRole,
  open,
  onClose,
}: {
  org: OrgRef;
  actorRole: Role;
  open: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [role, setRole] = useState<Role>("member");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Both lists are on the members page already; the dialog reads them to say what sending would do.
  const members = useQuery(membersQuery(org));
  const invitations = useQuery(invitationsQuery(org));
  const notice = inviteNotice(email, role, members.data?.data ?? [], invitations.data?.data ?? []);
  const mutation = useMutation({
    mutationFn: (input: { email: string; role: Role }) => orgMutations.invite(org, input),
    onSuccess: async (invitation) => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.invitations(org) });
      toast({ ...sentInvitationMessage(invitation), tone: "success" });
      onClose();
    },
    onError: (error) => setErrors(formErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrors({});
    mutation.mutate({ email: String(form.get("email") ?? "").trim(), role });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      hideClose={mutation.isPending}
      title="Invite member"
      description="We email them a link to join this organization. They sign in or create an account with that address."
      footer={
        <FormDialogFooter
          formId="invite-form"
          submitLabel="Send invitation"
          pending={mutation.isPending}
          onCancel={onClose}
        />
      }
    >
      <form id="invite-form" onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Email" error={errors.email}>
          <Input
            name="email"
            type="email"
            autoComplete="off"
            placeholder="teammate@company.com"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
        </Field>
        <Field label="Role" hint={roleDescriptions[role]} error={errors.role}>
          <Select name="role" value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
            {roles.map((option) => (
              <option key={option} value={option} disabled={!canAssignRole(actorRole, option)}>
                {roleLabels[option]}
              </option>
            ))}
          </Select>
        </Field>
        {notice && !errors.email ? (
          <Alert tone={notice.tone} role="status">
            {notice.text}
          </Alert>
        ) : null}
        {errors.form ? <Alert tone="danger">{errors.form}</Alert> : null}
      </form>
    </Dialog>
  );
}
