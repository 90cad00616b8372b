import "server-only";
import { route } from "@/lib/http/route";
import { organizationOperations as api } from "@/lib/openapi/operations/organization";
import { createToken, listTokens } from "@/lib/tokens/tokens";

export const GET = route(api.listTokens, async ({ org }) => ({ data: await listTokens(org.id) }));

export const POST = route(api.createToken, async ({ org, actor, body }) => createToken(org.id, actor, body));
