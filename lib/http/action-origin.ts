import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { toErrorResponse } from "@/lib/http/respond";

/**
 * Next.js refuses a server action posted from another site (CSRF) by throwing, which answers 500.
 * The same check, made first, answers 403 in the API's error shape: the action's Origin must be
 * the host the request was sent to (X-Forwarded-Host behind a proxy, else Host) or APP_URL's.
 * Requests without an Origin are left to Next, as it leaves them (no browser sends them with cookies cross-site).
 */
export function refuseForeignServerAction(request: Request): Response | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const originHost = URL.canParse(origin) ? new URL(origin).host : null;
  const requestHost = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (originHost !== null && (originHost === requestHost || originHost === new URL(env.APP_URL).host)) return null;
  return toErrorResponse(new AppError("forbidden", "This form was posted from another site."));
}
