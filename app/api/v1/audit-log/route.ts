import "server-only";
import { listAuditLog } from "@/lib/audit/audit-log";
import { parseQuery } from "@/lib/http/body";
import { paginationQuery } from "@/lib/http/pagination";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";

export const GET = withOrg(
  async (request, { org }) => json(await listAuditLog(org.id, parseQuery(request, paginationQuery))),
  { permission: "audit:read" },
);
