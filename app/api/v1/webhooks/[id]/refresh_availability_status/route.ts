import "server-only";
import { probeWebhook } from "@/lib/engine/probe";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { getWebhook } from "@/lib/webhooks/webhooks";

/** CodeScoring's "refresh availability status": a test event; a 2xx activates a pending webhook or re-enables a disabled one. */
export const POST = withOrg<{ id: string }>(
  async (_request, { org, params }) => {
    const result = await probeWebhook(org.id, params.id);
    return json({ webhook: await getWebhook(org.id, params.id), result });
  },
  { permission: "webhooks:write" },
);
