import { z } from "zod";
import { auditEntryOutput } from "@/lib/audit/audit-log";
import { createEventTypeInput, eventTypeOutput } from "@/lib/event-types/event-types";
import { paginationQuery } from "@/lib/http/pagination";
import { emailOutput } from "@/lib/mail/outbox";
import { listOf, pageOf, type ApiOperation, type ApiTag } from "@/lib/openapi/operation";
import { changeRoleInput, invitationOutput, inviteMemberInput, memberOutput, organizationOutput, updateOrgInput } from "@/lib/orgs/schemas";
import { createProjectInput, projectOutput, updateProjectInput } from "@/lib/projects/schemas";
import { createTokenInput, tokenOutput } from "@/lib/tokens/schemas";
import { createWebhookInput, patchWebhookInput, testWebhookInput, webhookListQuery, webhookOutput } from "@/lib/webhooks/schemas";

/**
 * Schemas published under `components.schemas`, by name. Operations below use these same objects,
 * so the document refers to them by `$ref`; a schema an operation uses that is not named here is
 * still documented, under a name made from the operation id.
 */
export const apiSchemas = {
  Project: projectOutput,
  ProjectPage: pageOf(projectOutput),
  CreateProjectInput: createProjectInput,
  UpdateProjectInput: updateProjectInput,
  Webhook: webhookOutput,
  WebhookPage: pageOf(webhookOutput),
  WebhookInput: createWebhookInput,
  PatchWebhookInput: patchWebhookInput,
  TestWebhookInput: testWebhookInput,
  EventType: eventTypeOutput,
  EventTypeList: listOf(eventTypeOutput),
  CreateEventTypeInput: createEventTypeInput,
  Organization: organizationOutput,
  UpdateOrganizationInput: updateOrgInput,
  Member: memberOutput,
  MemberList: listOf(memberOutput),
  ChangeRoleInput: changeRoleInput,
  Invitation: invitationOutput,
  InvitationList: listOf(invitationOutput),
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
} satisfies Record<string, z.ZodType>;

const s = apiSchemas;

export const apiTags: { name: ApiTag; description: string }[] = [
  { name: "Projects", description: "The projects webhooks can be scoped to." },
  { name: "Webhooks", description: "Where events are delivered, how they are signed, batched and retried." },
  { name: "Triggers", description: "The org's catalog of event types (triggers) webhooks subscribe to." },
  { name: "Organization", description: "The organization the caller acts in." },
  { name: "Members", description: "People in the organization and their roles." },
  { name: "Invitations", description: "Pending invitations to join the organization." },
  { name: "API tokens", description: "Org API tokens for the REST API." },
  { name: "Emails", description: "The outbox: every email the hub sent for this org." },
  { name: "Audit log", description: "Who changed what, newest first." },
];

const id = (what: string) => ({ id: `The ${what}'s id.` });

/** Every operation under /api/v1. A test fails if this and the route files disagree. */
export const apiOperations: ApiOperation[] = [
  {
    method: "GET", path: "/api/v1/projects", operationId: "listProjects", tag: "Projects", permission: "projects:read",
    summary: "List projects", query: paginationQuery,
    outcome: { status: 200, description: "A page of projects, newest first.", schema: s.ProjectPage },
  },
  {
    method: "POST", path: "/api/v1/projects", operationId: "createProject", tag: "Projects", permission: "projects:write",
    summary: "Create a project", body: s.CreateProjectInput, conflict: "`conflict`: a project with this key already exists.",
    outcome: { status: 201, description: "The new project.", schema: s.Project },
  },
  {
    method: "GET", path: "/api/v1/projects/{id}", operationId: "getProject", tag: "Projects", permission: "projects:read",
    summary: "Get a project", pathParams: id("project"),
    outcome: { status: 200, description: "The project.", schema: s.Project },
  },
  {
    method: "PATCH", path: "/api/v1/projects/{id}", operationId: "updateProject", tag: "Projects", permission: "projects:write",
    summary: "Change a project's key or name", pathParams: id("project"), body: s.UpdateProjectInput,
    conflict: "`conflict`: another project already has this key.",
    outcome: { status: 200, description: "The updated project.", schema: s.Project },
  },
  {
    method: "DELETE", path: "/api/v1/projects/{id}", operationId: "deleteProject", tag: "Projects", permission: "projects:write",
    summary: "Delete a project", pathParams: id("project"),
    outcome: { status: 204, description: "Deleted." },
  },
  {
    method: "GET", path: "/api/v1/webhooks", operationId: "listWebhooks", tag: "Webhooks", permission: "webhooks:read",
    summary: "List webhooks", description: "Filter by project, status or trigger.", query: webhookListQuery,
    outcome: { status: 200, description: "A page of webhooks, newest first.", schema: s.WebhookPage },
  },
  {
    method: "POST", path: "/api/v1/webhooks", operationId: "createWebhook", tag: "Webhooks", permission: "webhooks:write",
    summary: "Create a webhook",
    description: "Settings left out take the chosen format's defaults. `secret` and `token` are write-only: responses say only whether they are set.",
    body: s.WebhookInput, conflict: "`limit_reached`: the project or organization already has the most webhooks allowed.",
    outcome: { status: 201, description: "The new webhook.", schema: s.Webhook },
  },
  {
    method: "POST", path: "/api/v1/webhooks/test", operationId: "testWebhookUrl", tag: "Webhooks", permission: "webhooks:write",
    summary: "Send a test event to a URL before saving",
    description: "Validates the target and signing settings, then sends the `test` trigger with an empty payload.",
    body: s.TestWebhookInput,
    outcome: { status: 501, description: "The request was valid; sending arrives with the delivery engine, so nothing was sent." },
  },
  {
    method: "GET", path: "/api/v1/webhooks/{id}", operationId: "getWebhook", tag: "Webhooks", permission: "webhooks:read",
    summary: "Get a webhook", pathParams: id("webhook"),
    outcome: { status: 200, description: "The webhook.", schema: s.Webhook },
  },
  {
    method: "PUT", path: "/api/v1/webhooks/{id}", operationId: "replaceWebhook", tag: "Webhooks", permission: "webhooks:write",
    summary: "Replace a webhook's settings",
    description: "Every setting is replaced; omitted ones return to their defaults. Omit `secret`/`token` to keep them, send null to clear them.",
    pathParams: id("webhook"), body: s.WebhookInput, conflict: "`limit_reached`: moving the webhook would exceed a webhook limit.",
    outcome: { status: 200, description: "The updated webhook.", schema: s.Webhook },
  },
  {
    method: "PATCH", path: "/api/v1/webhooks/{id}", operationId: "updateWebhook", tag: "Webhooks", permission: "webhooks:write",
    summary: "Change some of a webhook's settings",
    description: "The fields sent are merged onto the stored webhook, and the result is validated as a whole.",
    pathParams: id("webhook"), body: s.PatchWebhookInput, conflict: "`limit_reached`: moving the webhook would exceed a webhook limit.",
    outcome: { status: 200, description: "The updated webhook.", schema: s.Webhook },
  },
  {
    method: "DELETE", path: "/api/v1/webhooks/{id}", operationId: "deleteWebhook", tag: "Webhooks", permission: "webhooks:write",
    summary: "Delete a webhook", pathParams: id("webhook"),
    outcome: { status: 204, description: "Deleted." },
  },
  {
    method: "POST", path: "/api/v1/webhooks/{id}/refresh_availability_status", operationId: "refreshWebhookAvailability", tag: "Webhooks",
    permission: "webhooks:write", summary: "Probe a disabled webhook's URL", description: "A 2xx answer re-enables the webhook.",
    pathParams: id("webhook"),
    outcome: { status: 501, description: "The webhook exists; probing arrives with the delivery engine, so nothing was sent." },
  },
  {
    method: "GET", path: "/api/v1/webhooks/triggers", operationId: "listWebhookTriggers", tag: "Triggers", permission: "webhooks:read",
    summary: "List the triggers a webhook can subscribe to", description: "The same catalog as `GET /api/v1/event-types`.",
    outcome: { status: 200, description: "Every trigger in the org's catalog.", schema: s.EventTypeList },
  },
  {
    method: "GET", path: "/api/v1/event-types", operationId: "listEventTypes", tag: "Triggers", permission: "webhooks:read",
    summary: "List event types",
    outcome: { status: 200, description: "Every event type in the org's catalog, built-in and custom.", schema: s.EventTypeList },
  },
  {
    method: "POST", path: "/api/v1/event-types", operationId: "createEventType", tag: "Triggers", permission: "webhooks:write",
    summary: "Add a custom event type", description: "`schema`, if given, must be a JSON Schema the hub can use.",
    body: s.CreateEventTypeInput, conflict: "`conflict`: an event type with this name already exists.",
    outcome: { status: 201, description: "The new event type.", schema: s.EventType },
  },
  {
    method: "GET", path: "/api/v1/organization", operationId: "getOrganization", tag: "Organization", permission: "projects:read",
    summary: "Get the organization",
    outcome: { status: 200, description: "The organization the caller acts in.", schema: s.Organization },
  },
  {
    method: "PATCH", path: "/api/v1/organization", operationId: "updateOrganization", tag: "Organization", permission: "org:manage",
    summary: "Update the organization: name, webhook limits, history retention", body: s.UpdateOrganizationInput,
    outcome: { status: 200, description: "The renamed organization.", schema: s.Organization },
  },
  {
    method: "GET", path: "/api/v1/members", operationId: "listMembers", tag: "Members", permission: "projects:read",
    summary: "List members",
    outcome: { status: 200, description: "Every member, oldest first.", schema: s.MemberList },
  },
  {
    method: "PATCH", path: "/api/v1/members/{id}", operationId: "changeMemberRole", tag: "Members", permission: "members:manage",
    summary: "Change a member's role", description: "Only owners grant or take away the owner role.",
    pathParams: id("member"), body: s.ChangeRoleInput, conflict: "`conflict`: the organization would be left without an owner.",
    outcome: { status: 200, description: "The member with the new role.", schema: s.Member },
  },
  {
    method: "DELETE", path: "/api/v1/members/{id}", operationId: "removeMember", tag: "Members", permission: "members:manage",
    summary: "Remove a member", pathParams: id("member"), conflict: "`conflict`: the organization would be left without an owner.",
    outcome: { status: 204, description: "Removed." },
  },
  {
    method: "GET", path: "/api/v1/invitations", operationId: "listInvitations", tag: "Invitations", permission: "members:manage",
    summary: "List pending invitations",
    outcome: { status: 200, description: "Invitations not yet accepted, newest first.", schema: s.InvitationList },
  },
  {
    method: "POST", path: "/api/v1/invitations", operationId: "inviteMember", tag: "Invitations", permission: "members:manage",
    summary: "Invite someone by email", description: "Emails a one-time link valid for 7 days.",
    body: s.InviteMemberInput, conflict: "`conflict`: this person is already a member.",
    outcome: { status: 201, description: "The invitation.", schema: s.Invitation },
  },
  {
    method: "DELETE", path: "/api/v1/invitations/{id}", operationId: "revokeInvitation", tag: "Invitations", permission: "members:manage",
    summary: "Revoke an invitation", pathParams: id("invitation"),
    outcome: { status: 204, description: "Revoked." },
  },
  {
    method: "GET", path: "/api/v1/tokens", operationId: "listTokens", tag: "API tokens", permission: "tokens:manage",
    summary: "List API tokens",
    outcome: { status: 200, description: "Every token, revoked ones included, newest first.", schema: s.TokenList },
  },
  {
    method: "POST", path: "/api/v1/tokens", operationId: "createToken", tag: "API tokens", permission: "tokens:manage",
    summary: "Create an API token", body: s.CreateTokenInput,
    outcome: { status: 201, description: "The token's details and its secret, shown this once.", schema: s.CreatedToken },
  },
  {
    method: "DELETE", path: "/api/v1/tokens/{id}", operationId: "revokeToken", tag: "API tokens", permission: "tokens:manage",
    summary: "Revoke an API token", description: "Revoking twice is harmless.", pathParams: id("token"),
    outcome: { status: 200, description: "The revoked token.", schema: s.Token },
  },
  {
    method: "GET", path: "/api/v1/emails", operationId: "listEmails", tag: "Emails", permission: "emails:read",
    summary: "List sent emails", query: paginationQuery,
    outcome: { status: 200, description: "A page of emails, newest first.", schema: s.EmailPage },
  },
  {
    method: "GET", path: "/api/v1/audit-log", operationId: "listAuditLog", tag: "Audit log", permission: "audit:read",
    summary: "List audit log entries", query: paginationQuery,
    outcome: { status: 200, description: "A page of entries, newest first.", schema: s.AuditEntryPage },
  },
];
