import "server-only";
import { route } from "@/lib/http/route";
import { organizationOperations as api } from "@/lib/openapi/operations/organization";
import { listMembers } from "@/lib/orgs/members";

export const GET = route(api.listMembers, async ({ org }) => ({ data: await listMembers(org.id) }));
