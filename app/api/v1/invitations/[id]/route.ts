import "server-only";
import { withOrg } from "@/lib/http/with-org";
import { revokeInvitation } from "@/lib/orgs/invitations";

export const DELETE = withOrg<{ id: string }>(
  async (_request, { org, actor, params }) => {
    await revokeInvitation(org.id, actor, params.id);
    return new Response(null, { status: 204 });
  },
  { permission: "members:manage" },
);
