import "server-only";
import { requireMemberRole } from "@/lib/auth/org-context";
import { route } from "@/lib/http/route";
import { organizationOperations as api } from "@/lib/openapi/operations/organization";
import { changeMemberRole, removeMember } from "@/lib/orgs/members";

export const PATCH = route(api.changeMemberRole, async (ctx) =>
  changeMemberRole(ctx.org.id, ctx.actor, requireMemberRole(ctx), ctx.params.id, ctx.body.role),
);

export const DELETE = route(api.removeMember, async (ctx) =>
  removeMember(ctx.org.id, ctx.actor, requireMemberRole(ctx), ctx.params.id),
);
