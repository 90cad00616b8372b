import "server-only";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { listMembers } from "@/lib/orgs/members";

export const GET = withOrg(async (_request, { org }) => json({ data: await listMembers(org.id) }), {
  permission: "projects:read",
});
