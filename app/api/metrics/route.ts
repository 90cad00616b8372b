import "server-only";
import { toErrorResponse } from "@/lib/http/respond";
import { metricsText } from "@/lib/observability/metrics";
import { authorizeMetricsScrape } from "@/lib/observability/metrics-access";
import { withRequestId } from "@/lib/observability/request-context";

/** Prometheus scrape endpoint; 404 unless METRICS_TOKEN is set, 401 without that token. */
export const dynamic = "force-dynamic";

export const GET = withRequestId(async (request: Request) => {
  try {
    authorizeMetricsScrape(request);
    const { contentType, body } = await metricsText();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
});
