import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { renameOrganization } from "@/lib/orgs/orgs";
import { organizationOutput, renameOrgInput } from "@/lib/orgs/schemas";

export const GET = withOrg(async (_request, { org }) => json(organizationOutput.parse(org)), {
  permission: "projects:read",
});

export const PATCH = withOrg(
  async (request, { org, actor }) => {
    const input = await parseJsonBody(request, renameOrgInput);
    return json(organizationOutput.parse(await renameOrganization(org.id, actor, input.name)));
  },
  { permission: "org:manage" },
);
