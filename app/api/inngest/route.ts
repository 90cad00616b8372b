import "server-only";
import { serve } from "inngest/next";
import { inngest } from "@/lib/jobs/client";
import { functions } from "@/inngest/functions";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { toErrorResponse } from "@/lib/http/respond";

/**
 * Inngest (Cloud, `inngest dev`/`start`, or the local executor) calls the hub's functions here.
 * The URL the app registers is APP_URL's, never one built from the request's Host header.
 */
const handlers = serve({
  client: inngest,
  functions,
  serveOrigin: new URL(env.APP_URL).origin,
  servePath: "/api/inngest",
});

type Handler = (typeof handlers)["POST"];

/**
 * The SDK answers a body that is not JSON with a 500; it is the caller's mistake, so it gets a 400
 * in the API's error shape before the SDK sees it. Signatures are still the SDK's to check.
 */
function jsonBodyOnly(handler: Handler): Handler {
  return async (request, context) => {
    const text = await request.clone().text();
    if (text !== "") {
      try {
        JSON.parse(text);
      } catch {
        return toErrorResponse(new AppError("invalid_json", "The request body is not valid JSON."));
      }
    }
    return handler(request, context);
  };
}

export const GET = handlers.GET;
export const POST = jsonBodyOnly(handlers.POST);
export const PUT = jsonBodyOnly(handlers.PUT);
