import "server-only";
import type { Organization, Role } from "@/generated/prisma/client";
import type { Actor } from "@/lib/audit/audit";
import { roleCan, scopesAllow, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";

/** What every org-scoped handler receives: the org (never from the request body), who acts, and how. */
export interface OrgContext {
  org: Organization;
  actor: Actor;
  /** The member's role; null when the actor is an API token. */
  role: Role | null;
}

/** Finds the org by slug among the user's memberships; another org looks exactly like a missing one. */
export async function memberContext(userId: string, orgSlug: string): Promise<OrgContext | null> {
  const member = await db.member.findFirst({
    where: { userId, org: { slug: orgSlug } },
    include: { org: true, user: { select: { email: true } } },
  });
  if (!member) return null;
  return {
    org: member.org,
    role: member.role,
    actor: { type: "member", userId, memberId: member.id, label: member.user.email },
  };
}

export function authorize(ctx: OrgContext, permission: Permission, scopes: readonly string[] = []): void {
  const allowed = ctx.role ? roleCan(ctx.role, permission) : scopesAllow(scopes, permission);
  if (allowed) return;
  const reason = ctx.role
    ? `Your role (${ctx.role}) does not allow ${permission}.`
    : `This API token lacks the ${permission} scope.`;
  throw new AppError("forbidden", reason, { permission });
}

/** For actions only a person may take (managing members): API tokens are refused. */
export function requireMemberRole(ctx: { role: Role | null }): Role {
  if (!ctx.role) throw new AppError("forbidden", "Only a signed-in member can do this.");
  return ctx.role;
}
