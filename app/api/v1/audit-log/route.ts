import "server-only";
import { listAuditLog } from "@/lib/audit/audit-log";
import { route } from "@/lib/http/route";
import { organizationOperations as api } from "@/lib/openapi/operations/organization";

export const GET = route(api.listAuditLog, async ({ org, query }) => listAuditLog(org.id, query));
