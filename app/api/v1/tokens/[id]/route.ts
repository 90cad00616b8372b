import "server-only";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { revokeToken } from "@/lib/tokens/tokens";

export const DELETE = withOrg<{ id: string }>(
  async (_request, { org, actor, params }) => json(await revokeToken(org.id, actor, params.id)),
  { permission: "tokens:manage" },
);
