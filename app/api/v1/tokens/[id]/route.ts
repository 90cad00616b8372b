import "server-only";
import { route } from "@/lib/http/route";
import { organizationOperations as api } from "@/lib/openapi/operations/organization";
import { revokeToken } from "@/lib/tokens/tokens";

export const DELETE = route(api.revokeToken, async ({ org, actor, params }) => revokeToken(org.id, actor, params.id));
