import { z } from "zod";
import { auditEntryOutput, auditListQuery } from "@/lib/audit/audit-log";
import { paginationQuery } from "@/lib/http/pagination";
import { emailOutput } from "@/lib/mail/outbox";
import { defineOperations, idParam, listOf, pageOf } from "@/lib/openapi/operation";
import {
  changeRoleInput,
  invitationOutput,
  inviteMemberInput,
  memberOutput,
  organizationOutput,
  sentInvitationOutput,
  updateOrgInput,
} from "@/lib/orgs/schemas";
import { createTokenInput, tokenOutput } from "@/lib/tokens/schemas";

/** Published under `components.schemas` by these names. */
export const organizationSchemas = {
  Organization: organizationOutput,
  UpdateOrganizationInput: updateOrgInput,
  Member: memberOutput,
  MemberList: listOf(memberOutput),
  ChangeRoleInput: changeRoleInput,
  Invitation: invitationOutput,
  InvitationList: listOf(invitationOutput),
  SentInvitation: sentInvitationOutput,
  InviteMemberInput: inviteMemberInput,
  Token: tokenOutput,
  TokenList: listOf(tokenOutput),
  CreateTokenInput: createTokenInput,
  CreatedToken: z.object({
    token: tokenOutput,
    secret: z.string().describe("The token itself (whk_…). Shown only in this response; store it now."),
  }),
  EmailPage: pageOf(emailOutput),
  AuditEntryPage: pageOf(auditEntryOutput),
};

const s = organizationSchemas;
const noOwnerLeft = "`conflict`: the organization would be left without an owner.";

/** The organization itself and its administration: members, invitations, API tokens, emails, audit log. */
export const organizationOperations = defineOperations({
  getOrganization: {
    method: "GET",
    path: "/api/v1/organization",
    tag: "Organization",
    permission: "projects:read",
    summary: "Get the organization",
    outcome: { status: 200, description: "The organization the caller acts in.", schema: s.Organization },
  },
  updateOrganization: {
    method: "PATCH",
    path: "/api/v1/organization",
    tag: "Organization",
    permission: "org:manage",
    summary: "Update the organization: name, webhook limits, history retention, who can join",
    description:
      "Owners and admins rename the organization; only owners change `webhookLimitPerProject`, `webhookLimitOrg`, `retentionDays` and `joinPolicy` (403 `forbidden` for an admin). " +
      "`joinPolicy` is replaced as a whole: `invitation_only`, or `email_domain` with `domains` (lowercase, at most 20, no public email providers such as gmail.com, and each one the domain of a verified address of an owner of the organization) and the `role` people who join this way get (`member` or `admin`, never `owner`). " +
      "A person joins every organization whose policy names their domain when their email address is verified; a 422 `validation_failed` names each refused domain (`joinPolicy.domains.<index>`).",
    body: s.UpdateOrganizationInput,
    outcome: { status: 200, description: "The renamed organization.", schema: s.Organization },
  },
  listMembers: {
    method: "GET",
    path: "/api/v1/members",
    tag: "Members",
    permission: "projects:read",
    summary: "List members",
    outcome: { status: 200, description: "Every member, oldest first.", schema: s.MemberList },
  },
  changeMemberRole: {
    method: "PATCH",
    path: "/api/v1/members/{id}",
    tag: "Members",
    permission: "members:manage",
    summary: "Change a member's role",
    description: "Only owners grant or take away the owner role.",
    pathParams: idParam("member"),
    body: s.ChangeRoleInput,
    conflict: noOwnerLeft,
    outcome: { status: 200, description: "The member with the new role.", schema: s.Member },
  },
  removeMember: {
    method: "DELETE",
    path: "/api/v1/members/{id}",
    tag: "Members",
    permission: "members:manage",
    summary: "Remove a member",
    pathParams: idParam("member"),
    conflict: noOwnerLeft,
    outcome: { status: 204, description: "Removed." },
  },
  listInvitations: {
    method: "GET",
    path: "/api/v1/invitations",
    tag: "Invitations",
    permission: "members:manage",
    summary: "List pending invitations",
    outcome: { status: 200, description: "Invitations not yet accepted, newest first.", schema: s.InvitationList },
  },
  inviteMember: {
    method: "POST",
    path: "/api/v1/invitations",
    tag: "Invitations",
    permission: "members:manage",
    summary: "Invite someone by email",
    description:
      "Emails a one-time link valid for 7 days. A pending invitation to the same address is replaced (its link stops working); `replacedRole` says which role it had.",
    body: s.InviteMemberInput,
    conflict: "`conflict`: this person is already a member (`details.field` is `email`).",
    outcome: { status: 201, description: "The invitation.", schema: s.SentInvitation },
  },
  revokeInvitation: {
    method: "DELETE",
    path: "/api/v1/invitations/{id}",
    tag: "Invitations",
    permission: "members:manage",
    summary: "Revoke an invitation",
    pathParams: idParam("invitation"),
    outcome: { status: 204, description: "Revoked." },
  },
  listTokens: {
    method: "GET",
    path: "/api/v1/tokens",
    tag: "API tokens",
    permission: "tokens:manage",
    summary: "List API tokens",
    outcome: { status: 200, description: "Every token, revoked ones included, newest first.", schema: s.TokenList },
  },
  createToken: {
    method: "POST",
    path: "/api/v1/tokens",
    tag: "API tokens",
    permission: "tokens:manage",
    summary: "Create an API token",
    body: s.CreateTokenInput,
    outcome: {
      status: 201,
      description: "The token's details and its secret, shown this once.",
      schema: s.CreatedToken,
    },
  },
  revokeToken: {
    method: "DELETE",
    path: "/api/v1/tokens/{id}",
    tag: "API tokens",
    permission: "tokens:manage",
    summary: "Revoke an API token",
    description: "Revoking twice is harmless.",
    pathParams: idParam("token"),
    outcome: { status: 200, description: "The revoked token.", schema: s.Token },
  },
  listEmails: {
    method: "GET",
    path: "/api/v1/emails",
    tag: "Emails",
    permission: "emails:read",
    summary: "List sent emails",
    query: paginationQuery,
    outcome: { status: 200, description: "A page of emails, newest first.", schema: s.EmailPage },
  },
  listAuditLog: {
    method: "GET",
    path: "/api/v1/audit-log",
    tag: "Audit log",
    permission: "audit:read",
    summary: "List audit log entries",
    description:
      "Filter by who acted (`actorType`, `actorId`), what it was about (`targetType`, `targetId`) and `action`; filters combine, and `nextCursor` pages through the filtered list (send the same filters with it). An unknown value is a 422 `validation_failed`.",
    query: auditListQuery,
    outcome: { status: 200, description: "A page of matching entries, newest first.", schema: s.AuditEntryPage },
  },
});
