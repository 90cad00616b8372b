import "server-only";
import { route } from "@/lib/http/route";
import { organizationOperations as api } from "@/lib/openapi/operations/organization";
import { updateOrganization } from "@/lib/orgs/orgs";

export const GET = route(api.getOrganization, async ({ org }) => org);

export const PATCH = route(api.updateOrganization, async ({ org, actor, body }) =>
  updateOrganization(org.id, actor, body),
);
