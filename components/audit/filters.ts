import {
  auditActions,
  auditActorTypes,
  auditTargetTypes,
  type AuditAction,
  type AuditActorType,
  type AuditFilters,
  type AuditTargetType,
} from "@/lib/audit/catalog";

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (typeof value === "string" && value !== "" ? value : undefined);
const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);
const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The filters a page's URL asks for: `?actor=member:usr_…&object=webhook&action=webhook.updated`.
 * `actor` is a kind (`member`, `token`, `system`) or a kind and an id; anything unknown is ignored.
 */
export function parseAuditFilters(query: SearchParams): AuditFilters {
  const [actorType, actorId] = (one(query.actor) ?? "").split(":", 2);
  const object = one(query.object);
  const action = one(query.action);
  return {
    ...(isOneOf(auditActorTypes, actorType)
      ? { actorType, ...(actorId && actorType !== "system" && idPattern.test(actorId) ? { actorId } : {}) }
      : {}),
    ...(isOneOf(auditTargetTypes, object) ? { targetType: object } : {}),
    ...(isOneOf(auditActions, action) ? { action } : {}),
  };
}

/** The actor filter as one value: a kind, or a kind and an id (the actor select's option values). */
export function actorValue(filters: AuditFilters): string {
  if (!filters.actorType) return "";
  return filters.actorId ? `${filters.actorType}:${filters.actorId}` : filters.actorType;
}

/** The query string that keeps these filters, other parameters left as they are. */
export function auditFiltersSearch(search: string, filters: AuditFilters): string {
  const params = new URLSearchParams(search);
  const values = { actor: actorValue(filters), object: filters.targetType, action: filters.action };
  for (const [name, value] of Object.entries(values)) {
    if (value) params.set(name, value);
    else params.delete(name);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

export const actorTypeLabels: Record<AuditActorType, string> = {
  member: "Any member",
  token: "Any API token",
  system: "Webhook Hub itself",
};

export const targetTypeLabels: Record<AuditTargetType, string> = {
  organization: "Organization",
  member: "Members",
  invitation: "Invitations",
  api_token: "API tokens",
  project: "Projects",
  portfolio: "Portfolios",
  event_type: "Triggers",
  webhook: "Webhooks",
  delivery: "Deliveries",
};

export const actionLabels: Record<AuditAction, string> = {
  "organization.created": "Organization created",
  "organization.updated": "Organization settings changed",
  "member.invited": "Member invited",
  "member.joined": "Member joined",
  "member.joined_by_domain": "Member joined by email domain",
  "member.role_changed": "Member's role changed",
  "member.removed": "Member removed",
  "invitation.revoked": "Invitation withdrawn",
  "token.created": "API token created",
  "token.revoked": "API token revoked",
  "project.created": "Project created",
  "project.updated": "Project changed",
  "project.deleted": "Project deleted",
  "portfolio.created": "Portfolio created",
  "portfolio.updated": "Portfolio changed",
  "portfolio.deleted": "Portfolio deleted",
  "event_type.created": "Trigger added",
  "event_type.updated": "Trigger changed",
  "event_type.deleted": "Trigger deleted",
  "webhook.created": "Webhook created",
  "webhook.updated": "Webhook settings changed",
  "webhook.replaced": "Webhook saved with all its settings",
  "webhook.secret_rotated": "Webhook secret rotated",
  "webhook.held_dropped": "Held deliveries dropped",
  "webhook.deleted": "Webhook deleted",
  "delivery.replayed": "Deliveries replayed",
};

/** A changed field's name as a person reads it: `timeoutMs` → "Timeout ms". */
export function fieldLabel(field: string): string {
  const known: Record<string, string> = {
    url: "URL",
    projectId: "Project",
    projectIds: "Projects",
    portfolioId: "Portfolio",
    ownerId: "Owner",
    timeoutMs: "Timeout (ms)",
    batchWindowMs: "Batch window (ms)",
    rateLimitPerSecond: "Rate limit (per second)",
    followUpUrls: "Follow-up URLs",
    followUpCredentials: "Follow-up URL credentials",
    basicAuth: "Basic auth (URL credentials)",
    secret: "Signing secret",
    token: "Token",
    extraPayload: "Extra payload",
    retryPolicy: "Retry policy",
    retentionDays: "Event retention (days)",
    webhookLimitOrg: "Webhooks per organization",
    webhookLimitPerProject: "Webhooks per project",
    joinPolicy: "Who can join",
    joinDomains: "Joining email domains",
    joinRole: "Role on joining",
  };
  if (known[field]) return known[field];
  const words = field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
