/**
 * Every action the audit log records and every kind of object it records them on, declared once:
 * `recordAudit` accepts only these, and `GET /api/v1/audit-log` filters by them. Client-safe.
 */
export const auditActions = [
  "organization.created",
  "organization.updated",
  "member.invited",
  "member.joined",
  "member.joined_by_domain",
  "member.role_changed",
  "member.removed",
  "invitation.revoked",
  "token.created",
  "token.revoked",
  "project.created",
  "project.updated",
  "project.deleted",
  "portfolio.created",
  "portfolio.updated",
  "portfolio.deleted",
  "event_type.created",
  "event_type.updated",
  "event_type.deleted",
  "webhook.created",
  "webhook.updated",
  "webhook.replaced",
  "webhook.secret_rotated",
  "webhook.held_dropped",
  "webhook.deleted",
  "delivery.replayed",
] as const;

export type AuditAction = (typeof auditActions)[number];

export const auditTargetTypes = [
  "organization",
  "member",
  "invitation",
  "api_token",
  "project",
  "portfolio",
  "event_type",
  "webhook",
  "delivery",
] as const;

export type AuditTargetType = (typeof auditTargetTypes)[number];

export const auditActorTypes = ["member", "token", "system"] as const;

export type AuditActorType = (typeof auditActorTypes)[number];

/** What the list is narrowed to, as `GET /api/v1/audit-log` takes it; every filter optional. */
export interface AuditFilters {
  actorType?: AuditActorType;
  actorId?: string;
  targetType?: AuditTargetType;
  action?: AuditAction;
}
