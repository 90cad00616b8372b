import type { Role } from "@/generated/prisma/enums";

/**
 * Every permission in the product. API tokens carry a subset of the `resource:read|write`
 * ones as scopes; members get them from their role.
 */
export const permissions = [
  "projects:read",
  "projects:write",
  "webhooks:read",
  "webhooks:write",
  "events:read",
  "events:write",
  "deliveries:read",
  "deliveries:write",
  "tokens:manage",
  "members:manage",
  "org:manage",
  /** Webhook limits and history retention: what the organization may use and keep. */
  "org:limits",
  "audit:read",
  "emails:read",
] as const;

export type Permission = (typeof permissions)[number];

/** Scopes an API token may hold: the resource permissions, not the administrative ones. */
export const tokenScopes = [
  "projects:read",
  "projects:write",
  "webhooks:read",
  "webhooks:write",
  "events:read",
  "events:write",
  "deliveries:read",
  "deliveries:write",
] as const satisfies readonly Permission[];

export type TokenScope = (typeof tokenScopes)[number];

const readOnly: Permission[] = ["projects:read", "webhooks:read", "events:read", "deliveries:read"];
const contributor: Permission[] = [...readOnly, "projects:write", "webhooks:write", "events:write", "deliveries:write"];
const administrator: Permission[] = [
  ...contributor,
  "tokens:manage",
  "members:manage",
  "org:manage",
  "audit:read",
  "emails:read",
];

const permissionsByRole: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set([...administrator, "org:limits"]),
  admin: new Set(administrator),
  member: new Set(contributor),
  viewer: new Set(readOnly),
};

export function roleCan(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].has(permission);
}

/** A `x:write` scope also grants `x:read`; nothing outside tokenScopes is ever granted to a token. */
export function scopesAllow(scopes: readonly string[], permission: Permission): boolean {
  if (!(tokenScopes as readonly string[]).includes(permission)) return false;
  if (scopes.includes(permission)) return true;
  const [resource, action] = permission.split(":");
  return action === "read" && scopes.includes(`${resource}:write`);
}

export const roles = ["owner", "admin", "member", "viewer"] as const satisfies readonly Role[];

/** Who may grant which role: only owners make owners; admins manage admins and below. */
export function canAssignRole(actorRole: Role, targetRole: Role): boolean {
  if (actorRole === "owner") return true;
  return actorRole === "admin" && targetRole !== "owner";
}

/** The least role that holds a permission: what a person lacking it should ask for. */
export function lowestRoleWith(permission: Permission): Role {
  return roles.toReversed().find((role) => roleCan(role, permission)) ?? "owner";
}
