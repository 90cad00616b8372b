import "server-only";
import { requireMemberRole } from "@/lib/auth/org-context";
import { route } from "@/lib/http/route";
import { organizationOperations as api } from "@/lib/openapi/operations/organization";
import { inviteMember, listInvitations } from "@/lib/orgs/invitations";

export const GET = route(api.listInvitations, async ({ org }) => ({ data: await listInvitations(org.id) }));

export const POST = route(api.inviteMember, async (ctx) =>
  inviteMember(ctx.org.id, ctx.actor, requireMemberRole(ctx), ctx.body),
);
