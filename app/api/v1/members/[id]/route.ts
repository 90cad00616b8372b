import "server-only";
import { requireMemberRole } from "@/lib/auth/org-context";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { changeMemberRole, removeMember } from "@/lib/orgs/members";
import { changeRoleInput } from "@/lib/orgs/schemas";

type Params = { id: string };

export const PATCH = withOrg<Params>(
  async (request, ctx) => {
    const input = await parseJsonBody(request, changeRoleInput);
    return json(await changeMemberRole(ctx.org.id, ctx.actor, requireMemberRole(ctx), ctx.params.id, input.role));
  },
  { permission: "members:manage" },
);

export const DELETE = withOrg<Params>(
  async (_request, ctx) => {
    await removeMember(ctx.org.id, ctx.actor, requireMemberRole(ctx), ctx.params.id);
    return new Response(null, { status: 204 });
  },
  { permission: "members:manage" },
);
