import "server-only";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { updateOrganization } from "@/lib/orgs/orgs";
import { organizationOutput, updateOrgInput } from "@/lib/orgs/schemas";

export const GET = withOrg(async (_request, { org }) => json(organizationOutput.parse(org)), {
  permission: "projects:read",
});

export const PATCH = withOrg(
  async (request, { org, actor }) => {
    const input = await parseJsonBody(request, updateOrgInput);
    return json(organizationOutput.parse(await updateOrganization(org.id, actor, input)));
  },
  { permission: "org:manage" },
);
