import "server-only";
import { getEvent } from "@/lib/events/events";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";

export const GET = withOrg<{ id: string }>(async (_request, { org, params }) => json(await getEvent(org.id, params.id)), {
  permission: "events:read",
});
