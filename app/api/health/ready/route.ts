import "server-only";
import { json } from "@/lib/http/respond";
import { logger } from "@/lib/observability/logger";
import { checkReadiness } from "@/lib/observability/readiness";
import { withRequestId } from "@/lib/observability/request-context";

/**
 * Readiness probe: 200 when the database answers and the delivery engine keeps up, 503 otherwise,
 * with the figures either way. No credentials: the body holds ages and latencies, no tenant data.
 */
export const dynamic = "force-dynamic";

export const GET = withRequestId(async () => {
  const readiness = await checkReadiness();
  if (readiness.status === "unready") logger.warn({ readiness }, "not ready");
  return json(readiness, {
    status: readiness.status === "ready" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
