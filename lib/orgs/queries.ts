import { queryOptions } from "@tanstack/react-query";
import type { Role } from "@/generated/prisma/enums";
import { apiFetch, type Json } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import type {
  InvitationOutput,
  InviteMemberInput,
  MemberOutput,
  OrganizationOutput,
  SentInvitationOutput,
  UpdateOrgInput,
} from "@/lib/orgs/schemas";

export type Member = Json<MemberOutput>;
export type Invitation = Json<InvitationOutput>;
export type SentInvitation = Json<SentInvitationOutput>;
export type Organization = Json<OrganizationOutput>;

export const orgKeys = {
  organization: (org: OrgRef) => [org.id, "organization"] as const,
  members: (org: OrgRef) => [org.id, "members"] as const,
  invitations: (org: OrgRef) => [org.id, "invitations"] as const,
};

export function organizationQuery(org: OrgRef) {
  return queryOptions({
    queryKey: orgKeys.organization(org),
    queryFn: () => apiFetch<Organization>(org.slug, "organization"),
  });
}

export function membersQuery(org: OrgRef) {
  return queryOptions({
    queryKey: orgKeys.members(org),
    queryFn: () => apiFetch<{ data: Member[] }>(org.slug, "members"),
  });
}

export function invitationsQuery(org: OrgRef) {
  return queryOptions({
    queryKey: orgKeys.invitations(org),
    queryFn: () => apiFetch<{ data: Invitation[] }>(org.slug, "invitations"),
  });
}

export function invitationExpired(invitation: Invitation, now = Date.now()): boolean {
  return new Date(invitation.expiresAt).getTime() <= now;
}

export const orgMutations = {
  rename: (org: OrgRef, input: UpdateOrgInput) =>
    apiFetch<Organization>(org.slug, "organization", { method: "PATCH", body: input }),
  update: (org: OrgRef, input: UpdateOrgInput) =>
    apiFetch<Organization>(org.slug, "organization", { method: "PATCH", body: input }),
  changeRole: (org: OrgRef, memberId: string, role: Role) =>
    apiFetch<Member>(org.slug, `members/${memberId}`, { method: "PATCH", body: { role } }),
  removeMember: (org: OrgRef, memberId: string) =>
    apiFetch<void>(org.slug, `members/${memberId}`, { method: "DELETE" }),
  invite: (org: OrgRef, input: InviteMemberInput) =>
    apiFetch<SentInvitation>(org.slug, "invitations", { method: "POST", body: input }),
  revokeInvitation: (org: OrgRef, invitationId: string) =>
    apiFetch<void>(org.slug, `invitations/${invitationId}`, { method: "DELETE" }),
};
