import "server-only";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { rotateSecret } from "@/lib/webhooks/rotate-secret";
import { rotateSecretInput } from "@/lib/webhooks/schemas";

/** The body is optional: a bare POST (no content type) asks for a generated secret. */
async function readInput(request: Request) {
  return request.headers.has("content-type") ? parseJsonBody(request, rotateSecretInput) : {};
}

/** New signing secret, the current one still valid for 24 h; the new one is answered this once. */
export const POST = withOrg<{ id: string }>(
  async (request, { org, actor, params }) => json(await rotateSecret(org.id, actor, params.id, await readInput(request))),
  { permission: "webhooks:write" },
);
