import "server-only";
import { route } from "@/lib/http/route";
import { organizationOperations as api } from "@/lib/openapi/operations/organization";
import { revokeInvitation } from "@/lib/orgs/invitations";

export const DELETE = route(api.revokeInvitation, async ({ org, actor, params }) =>
  revokeInvitation(org.id, actor, params.id),
);
