import { roleLabels } from "@/components/members/roles";
import type { Role } from "@/generated/prisma/enums";
import type { Invitation, Member } from "@/lib/orgs/queries";

export interface InviteNotice {
  tone: "info" | "warning";
  text: string;
}

/**
 * What the invite dialog says before sending to `email` with `role`: that the address already
 * belongs to a member (the server refuses it), or that sending replaces a pending invitation, and
 * which role that one had. Null when the address is new to the organization.
 */
export function inviteNotice(
  email: string,
  role: Role,
  members: readonly Member[],
  invitations: readonly Invitation[],
): InviteNotice | null {
  const address = email.trim().toLowerCase();
  if (!address) return null;
  const member = members.find((candidate) => candidate.user.email.toLowerCase() === address);
  if (member) {
    return {
      tone: "warning",
      text: `${address} is already a member of this organization (${roleLabels[member.role].toLowerCase()}). Change their role in the members list instead.`,
    };
  }
  const pending = invitations.find((candidate) => candidate.email.toLowerCase() === address);
  if (!pending) return null;
  if (pending.role === role) {
    return {
      tone: "info",
      text: `${address} already has a pending invitation as ${roleLabels[role].toLowerCase()}. Sending replaces it with a new link; the earlier link stops working.`,
    };
  }
  return {
    tone: "warning",
    text: `${address} already has a pending invitation. Sending replaces it and changes its role from ${roleLabels[pending.role]} to ${roleLabels[role]}; the earlier link stops working.`,
  };
}

/** The toast after sending: a new invitation, or one that replaced a pending one (and maybe its role). */
export function sentInvitationMessage(invitation: { email: string; role: Role; replacedRole: Role | null }): {
  title: string;
  description: string;
} {
  if (invitation.replacedRole === null) {
    return { title: `Invitation sent to ${invitation.email}`, description: "The link in it works for 7 days." };
  }
  const change =
    invitation.replacedRole === invitation.role
      ? ""
      : ` Its role changed from ${roleLabels[invitation.replacedRole]} to ${roleLabels[invitation.role]}.`;
  return {
    title: `Invitation to ${invitation.email} replaced`,
    description: `The pending invitation was replaced.${change} The new link works for 7 days; the earlier one no longer works.`,
  };
}
