import { z } from "zod";
import { auditEntryOutput } from "@/lib/audit/audit-log";
import { attemptOutput, deliveryDetail, deliveryListQuery, deliverySummary, probeOutput, recoverInput, recoverOutput, retryOutput } from "@/lib/history/schemas";
import { statsOutput, statsQuery } from "@/lib/history/stats";
import { eventDetailOutput, eventListQuery, eventOutput, publishEventBatchInput, publishEventBatchOutput, publishEventInput, publishEventOutput } from "@/lib/events/schemas";
import { createEventTypeInput, eventTypeOutput } from "@/lib/event-types/event-types";
import { paginationQuery } from "@/lib/http/pagination";
import { emailOutput } from "@/lib/mail/outbox";
import { listOf, pageOf, type ApiOperation, type ApiTag } from "@/lib/openapi/operation";
import { changeRoleInput, invitationOutput, inviteMemberInput, memberOutput, organizationOutput, updateOrgInput } from "@/lib/orgs/schemas";
import { createPortfolioInput, portfolioOutput, updatePortfolioInput } from "@/lib/portfolios/schemas";
import { createProjectInput, projectOutput, updateProjectInput } from "@/lib/projects/schemas";
import { createTokenInput, tokenOutput } from "@/lib/tokens/schemas";
import { codescoringPatchInput, codescoringTestInput, codescoringTriggerOutput, codescoringWebhookInput, codescoringWebhookOutput } from "@/lib/webhooks/codescoring-api";
import { createdWebhookOutput, createWebhookInput, patchWebhookInput, rotatedSecretOutput, rotateSecretInput, testWebhookInput, webhookListQuery, webhookOutput } from "@/lib/webhooks/schemas";

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
  Portfolio: portfolioOutput,
  PortfolioList: listOf(portfolioOutput),
  CreatePortfolioInput: createPortfolioInput,
  UpdatePortfolioInput: updatePortfolioInput,
  Webhook: webhookOutput,
  WebhookPage: pageOf(webhookOutput),
  WebhookInput: createWebhookInput,
  PatchWebhookInput: patchWebhookInput,
  TestWebhookInput: testWebhookInput,
  CreatedWebhook: createdWebhookOutput,
  RotateSecretInput: rotateSecretInput,
  RotatedSecret: rotatedSecretOutput,
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
  ProbeResult: probeOutput,
  RefreshResult: z.object({ webhook: webhookOutput, result: probeOutput }),
  Delivery: deliverySummary,
  DeliveryPage: pageOf(deliverySummary),
  DeliveryDetail: deliveryDetail,
  Attempt: attemptOutput,
  RetryResult: retryOutput,
  RecoverInput: recoverInput,
  RecoverResult: recoverOutput,
  PublishEventInput: publishEventInput,
  PublishedEvent: publishEventOutput,
  PublishEventBatchInput: publishEventBatchInput,
  PublishedEventBatch: publishEventBatchOutput,
  Event: eventOutput,
  EventPage: pageOf(eventOutput),
  EventDetail: eventDetailOutput,
  EmailPage: pageOf(emailOutput),
  AuditEntryPage: pageOf(auditEntryOutput),
  CodeScoringWebhook: codescoringWebhookOutput,
  CodeScoringWebhookList: z.array(codescoringWebhookOutput),
  CodeScoringWebhookInput: codescoringWebhookInput,
  CodeScoringPatchInput: codescoringPatchInput,
  CodeScoringTestInput: codescoringTestInput,
  CodeScoringTriggerList: z.array(codescoringTriggerOutput),
  CodeScoringRefreshResult: z.object({ webhook: codescoringWebhookOutput, result: probeOutput }),
} satisfies Record<string, z.ZodType>;

const s = apiSchemas;

export const apiTags: { name: ApiTag; description: string }[] = [
  { name: "Projects", description: "The projects webhooks can be scoped to." },
  {
    name: "Portfolios",
    description:
      "Named, saved selections of projects (SecurityScorecard's \"Selected Portfolio\"). An org-level webhook scoped to a portfolio receives the events of exactly its projects, and follows it as projects are added or removed.",
  },
  { name: "Webhooks", description: "Where events are delivered, how they are signed, batched and retried." },
  { name: "Events", description: "Publish events; the hub delivers them to every matching webhook." },
  { name: "Deliveries", description: "Delivery history: every request to a webhook and each attempt of it; retry and recover." },
  { name: "Triggers", description: "The org's catalog of event types (triggers) webhooks subscribe to." },
  { name: "Organization", description: "The organization the caller acts in." },
  { name: "Members", description: "People in the organization and their roles." },
  { name: "Invitations", description: "Pending invitations to join the organization." },
  { name: "API tokens", description: "Org API tokens for the REST API." },
  { name: "Emails", description: "The outbox: every email the hub sent for this org." },
  { name: "Audit log", description: "Who changed what, newest first." },
  {
    name: "CodeScoring-compatible API",
    description:
      "CodeScoring's webhook API (Settings → Webhooks) at its own paths, for clients written against CodeScoring: every path also answers with a trailing slash, as CodeScoring writes them, without a redirect. Fields are CodeScoring's form fields (name, url, projects, events, token); webhooks are always in the CodeScoring format. Same org API tokens and permissions as the native API; it lists and changes only CodeScoring webhooks.",
  },
];

const id = (what: string) => ({ id: `The ${what}'s id.` });
const cs = "CodeScoring-compatible API" as const;

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
    method: "GET", path: "/api/v1/portfolios", operationId: "listPortfolios", tag: "Portfolios", permission: "projects:read",
    summary: "List portfolios",
    outcome: { status: 200, description: "Every portfolio, by name.", schema: s.PortfolioList },
  },
  {
    method: "POST", path: "/api/v1/portfolios", operationId: "createPortfolio", tag: "Portfolios", permission: "projects:write",
    summary: "Create a portfolio", body: s.CreatePortfolioInput, conflict: "`conflict`: a portfolio with this name already exists.",
    outcome: { status: 201, description: "The new portfolio.", schema: s.Portfolio },
  },
  {
    method: "GET", path: "/api/v1/portfolios/{id}", operationId: "getPortfolio", tag: "Portfolios", permission: "projects:read",
    summary: "Get a portfolio", pathParams: id("portfolio"),
    outcome: { status: 200, description: "The portfolio.", schema: s.Portfolio },
  },
  {
    method: "PATCH", path: "/api/v1/portfolios/{id}", operationId: "updatePortfolio", tag: "Portfolios", permission: "projects:write",
    summary: "Rename a portfolio or replace its projects", description: "Webhooks scoped to the portfolio follow its new projects at once.",
    pathParams: id("portfolio"), body: s.UpdatePortfolioInput, conflict: "`conflict`: another portfolio already has this name.",
    outcome: { status: 200, description: "The updated portfolio.", schema: s.Portfolio },
  },
  {
    method: "DELETE", path: "/api/v1/portfolios/{id}", operationId: "deletePortfolio", tag: "Portfolios", permission: "projects:write",
    summary: "Delete a portfolio", description: "Refused while a webhook is scoped to it.", pathParams: id("portfolio"),
    conflict: "`conflict`: webhooks are scoped to this portfolio.",
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
    description:
      "Settings left out take the chosen format's defaults. `secret` and `token` are write-only: responses say only whether they are set. A `standard` webhook created without `secret` gets a generated `whsec_…` secret, answered once as `secret`; send `\"secret\": null` for an unsigned one.",
    body: s.WebhookInput, conflict: "`limit_reached`: the project or organization already has the most webhooks allowed.",
    outcome: { status: 201, description: "The new webhook, with `secret` when the hub generated it.", schema: s.CreatedWebhook },
  },
  {
    method: "POST", path: "/api/v1/webhooks/test", operationId: "testWebhookUrl", tag: "Webhooks", permission: "webhooks:write",
    summary: "Send a test event to a URL before saving",
    description: "Validates the target and signing settings, then sends the `test` trigger with an empty payload.",
    body: s.TestWebhookInput,
    outcome: { status: 200, description: "What the URL answered: status, latency and the start of the body, or why nothing came back. Nothing is stored.", schema: s.ProbeResult },
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
    permission: "webhooks:write", summary: "Send the webhook its test event",
    description: "A 2xx answer activates a pending webhook and re-enables a disabled one. The probe is recorded in the delivery history.",
    pathParams: id("webhook"),
    outcome: { status: 200, description: "The webhook after the probe, and what its URL answered.", schema: s.RefreshResult },
  },
  {
    method: "POST", path: "/api/v1/webhooks/{id}/rotate_secret", operationId: "rotateWebhookSecret", tag: "Webhooks", permission: "webhooks:write",
    summary: "Rotate a webhook's signing secret",
    description:
      "Stores a new secret (the one sent, or a generated one: `whsec_…` for standard webhooks). A standard webhook keeps its current secret valid for 24 hours, and its requests carry a signature from each meanwhile; rotating again during an overlap drops the oldest. DeepSource and SonarQube headers hold one signature, so there the new secret takes over at once. The body is optional.",
    pathParams: id("webhook"), body: s.RotateSecretInput,
    outcome: { status: 200, description: "The webhook, with `previousSecretValidUntil`, and the new secret, shown only in this response.", schema: s.RotatedSecret },
  },
  {
    method: "GET", path: "/api/v1/webhooks/{id}/deliveries", operationId: "listWebhookDeliveries", tag: "Deliveries", permission: "deliveries:read",
    summary: "List a webhook's deliveries", description: "Latest first, with each delivery's last result.", pathParams: id("webhook"), query: deliveryListQuery,
    outcome: { status: 200, description: "A page of deliveries, newest first.", schema: s.DeliveryPage },
  },
  {
    method: "POST", path: "/api/v1/webhooks/{id}/recover", operationId: "recoverWebhookDeliveries", tag: "Deliveries", permission: "deliveries:write",
    summary: "Re-send every failed delivery since a moment",
    description: `Each failed delivery created at or after \`since\` is sent once more, in the background, in order, by the webhook's own run.`,
    pathParams: id("webhook"), body: s.RecoverInput,
    outcome: { status: 202, description: "How many deliveries were queued.", schema: s.RecoverResult },
  },
  {
    method: "GET", path: "/api/v1/webhooks/{id}/stats", operationId: "getWebhookStats", tag: "Deliveries", permission: "deliveries:read",
    summary: "Success rate and latency of a webhook over time",
    description: "Every attempt of the webhook's deliveries (scheduled, manual and test) counted per bucket, with p50/p95 duration.",
    pathParams: id("webhook"), query: statsQuery,
    outcome: { status: 200, description: "Equal buckets over the range, oldest first, empty ones included.", schema: statsOutput },
  },
  {
    method: "GET", path: "/api/v1/deliveries/{id}", operationId: "getDelivery", tag: "Deliveries", permission: "deliveries:read",
    summary: "Get a delivery with every attempt", description: "Request headers are stored with secrets masked.", pathParams: id("delivery"),
    outcome: { status: 200, description: "The delivery, its events and its attempts, oldest attempt first.", schema: s.DeliveryDetail },
  },
  {
    method: "POST", path: "/api/v1/deliveries/{id}/retry", operationId: "retryDelivery", tag: "Deliveries", permission: "deliveries:write",
    summary: "Send a delivery again now", description: "One attempt, answered synchronously. A retry schedule in progress carries on if it fails.",
    pathParams: id("delivery"), conflict: "`conflict`: an attempt of this delivery is in flight.",
    outcome: { status: 200, description: "The delivery and the new attempt.", schema: s.RetryResult },
  },
  {
    method: "POST", path: "/api/v1/events", operationId: "publishEvent", tag: "Events", permission: "events:write",
    summary: "Publish an event, or a batch of up to 1,000",
    description: "Stored durably before the answer (accepted means committed; after the commit the answer is never a 5xx), then delivered to every matching webhook. The type must be in the catalog; a trigger with a JSON Schema validates the payload, and a mismatch is 422 `validation_failed` with `details` such as `{ path: \"payload.order.id\", message }` (the first mismatch only). A repeated idempotency key (`Idempotency-Key` header or `idempotencyKey`) answers with the first event's id (and `idempotent-replayed: true`) and delivers once; the same key with a different request (type, project, payload or properties) is refused with 409 `idempotency_key_reused`.\n\n**Batch:** send a JSON array of 1 to 1,000 events (body up to 5 MB; each payload still up to 256 KB, the cap of a single-event body). It is all or nothing: any bad item refuses the whole batch with 422 whose `details` name every bad item by its index, e.g. `{ path: \"3.payload.x\", message }`, and nothing is stored. Otherwise every event is stored with one statement and the answer is `202 { data: [{ id, replayed }] }` in request order; each item's `idempotencyKey` works as for a single event (`replayed: true` answers the first id). A batch takes no `Idempotency-Key` header.",
    headers: {
      "Idempotency-Key": "The event's idempotency key (single event only), as the IETF draft and Stripe define it. If the body also has `idempotencyKey`, the two must be equal (422 otherwise).",
    },
    body: z.union([s.PublishEventInput, s.PublishEventBatchInput]),
    conflict: "`idempotency_key_reused`: the idempotency key was used before with a different request (in a batch, `details` name each such item by its index, and nothing is stored).",
    outcome: { status: 202, description: "Accepted: the event's id, or for a batch each event's id in request order.", schema: z.union([s.PublishedEvent, s.PublishedEventBatch]) },
  },
  {
    method: "GET", path: "/api/v1/events", operationId: "listEvents", tag: "Events", permission: "events:read",
    summary: "List published events", query: eventListQuery,
    outcome: { status: 200, description: "A page of events, newest first.", schema: s.EventPage },
  },
  {
    method: "GET", path: "/api/v1/events/{id}", operationId: "getEvent", tag: "Events", permission: "events:read",
    summary: "Get an event and its deliveries", pathParams: id("event"),
    outcome: { status: 200, description: "The event and the deliveries carrying it.", schema: s.EventDetail },
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
    summary: "Add a custom event type",
    description:
      "`schema`, if given, must be a self-contained JSON Schema (draft 2020-12) within the hub's limits (see the field). A schema outside them is refused with 422 `validation_failed`, each `details` entry naming the place in the schema, e.g. `schema.properties.code.pattern`.",
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
  {
    method: "GET", path: "/api/settings/webhooks", operationId: "codescoringListWebhooks", tag: cs, permission: "webhooks:read",
    summary: "Get a list of all webhooks", description: "The org's CodeScoring webhooks, oldest first, as a plain array.",
    outcome: { status: 200, description: "Every CodeScoring webhook.", schema: s.CodeScoringWebhookList },
  },
  {
    method: "POST", path: "/api/settings/webhooks", operationId: "codescoringCreateWebhook", tag: cs, permission: "webhooks:write",
    summary: "Create a new webhook", body: s.CodeScoringWebhookInput, conflict: "`limit_reached`: the organization already has the most webhooks allowed.",
    outcome: { status: 201, description: "The new webhook, delivering at once.", schema: s.CodeScoringWebhook },
  },
  {
    method: "POST", path: "/api/settings/webhooks/test", operationId: "codescoringTestWebhook", tag: cs, permission: "webhooks:write",
    summary: "Test the connection", description: "Sends the `test` trigger with an empty payload, in the CodeScoring format with the token, to a URL nobody has saved yet.",
    body: s.CodeScoringTestInput, outcome: { status: 200, description: "What the URL answered.", schema: s.ProbeResult },
  },
  {
    method: "GET", path: "/api/settings/webhooks/triggers", operationId: "codescoringListTriggers", tag: cs, permission: "webhooks:read",
    summary: "Get a list of available triggers",
    outcome: { status: 200, description: "Each trigger value with its event name.", schema: s.CodeScoringTriggerList },
  },
  {
    method: "GET", path: "/api/settings/webhooks/{id}", operationId: "codescoringGetWebhook", tag: cs, permission: "webhooks:read",
    summary: "Get information by ID", pathParams: id("webhook"),
    outcome: { status: 200, description: "The webhook.", schema: s.CodeScoringWebhook },
  },
  {
    method: "PUT", path: "/api/settings/webhooks/{id}", operationId: "codescoringReplaceWebhook", tag: cs, permission: "webhooks:write",
    summary: "Completely update data", description: "Replaces name, URL, projects and events (left out: all); the token is kept unless sent.",
    pathParams: id("webhook"), body: s.CodeScoringWebhookInput,
    outcome: { status: 200, description: "The updated webhook.", schema: s.CodeScoringWebhook },
  },
  {
    method: "PATCH", path: "/api/settings/webhooks/{id}", operationId: "codescoringUpdateWebhook", tag: cs, permission: "webhooks:write",
    summary: "Partially update data", pathParams: id("webhook"), body: s.CodeScoringPatchInput,
    outcome: { status: 200, description: "The updated webhook.", schema: s.CodeScoringWebhook },
  },
  {
    method: "DELETE", path: "/api/settings/webhooks/{id}", operationId: "codescoringDeleteWebhook", tag: cs, permission: "webhooks:write",
    summary: "Delete a webhook by ID", pathParams: id("webhook"),
    outcome: { status: 204, description: "Deleted." },
  },
  {
    method: "POST", path: "/api/settings/webhooks/{id}/refresh_availability_status", operationId: "codescoringRefreshAvailability", tag: cs, permission: "webhooks:write",
    summary: "Refresh the availability status", description: "Sends the test event; a 2xx re-enables a disabled webhook.", pathParams: id("webhook"),
    outcome: { status: 200, description: "The webhook and what its URL answered.", schema: s.CodeScoringRefreshResult },
  },
];
