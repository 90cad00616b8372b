import "server-only";
import { requireMemberRole } from "@/lib/auth/org-context";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { inviteMember, listInvitations } from "@/lib/orgs/invitations";
import { inviteMemberInput } from "@/lib/orgs/schemas";

export const GET = withOrg(async (_request, { org }) => json({ data: await listInvitations(org.id) }), {
  permission: "members:manage",
});

export const POST = withOrg(
  async (request, ctx) => {
    const input = await parseJsonBody(request, inviteMemberInput);
    return json(await inviteMember(ctx.org.id, ctx.actor, requireMemberRole(ctx), input), { status: 201 });
  },
  { permission: "members:manage" },
);
