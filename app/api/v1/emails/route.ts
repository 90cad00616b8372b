import "server-only";
import { parseQuery } from "@/lib/http/body";
import { paginationQuery } from "@/lib/http/pagination";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { listEmails } from "@/lib/mail/outbox";

export const GET = withOrg(
  async (request, { org }) => json(await listEmails(org.id, parseQuery(request, paginationQuery))),
  { permission: "emails:read" },
);
