import "server-only";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { createTokenInput } from "@/lib/tokens/schemas";
import { createToken, listTokens } from "@/lib/tokens/tokens";

export const GET = withOrg(async (_request, { org }) => json({ data: await listTokens(org.id) }), {
  permission: "tokens:manage",
});

export const POST = withOrg(
  async (request, { org, actor }) =>
    json(await createToken(org.id, actor, await parseJsonBody(request, createTokenInput)), { status: 201 }),
  { permission: "tokens:manage" },
);
