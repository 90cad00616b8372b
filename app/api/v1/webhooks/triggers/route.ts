import "server-only";
import { listEventTypes } from "@/lib/event-types/event-types";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";

/** CodeScoring's "list of available triggers": the org's catalog. */
export const GET = withOrg(async (_request, { org }) => json({ data: await listEventTypes(org.id) }), { permission: "webhooks:read" });
