import "server-only";
import { route } from "@/lib/http/route";
import { listEmails } from "@/lib/mail/outbox";
import { organizationOperations as api } from "@/lib/openapi/operations/organization";

export const GET = route(api.listEmails, async ({ org, query }) => listEmails(org.id, query));
