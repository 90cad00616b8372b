import "server-only";
import { requireMemberRole } from "@/lib/auth/org-context";
import { route } from "@/lib/http/route";
import { organizationOperations as api } from "@/lib/openapi/operations/organization";
import { organizationView, updateOrganization } from "@/lib/orgs/orgs";

export const GET = route(api.getOrganization, async ({ org }) => organizationView(org));

export const PATCH = route(api.updateOrganization, async (ctx) =>
  updateOrganization(ctx.org.id, ctx.actor, requireMemberRole(ctx), ctx.body),
);
