import "server-only";
import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { authLimits, clientIp, consume, RateLimited } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/http/errors";
import { readBytesLimited } from "@/lib/http/body";
import { toErrorResponse } from "@/lib/http/respond";

// Sign-in, sign-out and magic-link forms are a few hundred bytes; nothing here needs more.
const maxAuthBodyBytes = 64 * 1024;

type Handler = (request: NextRequest) => Promise<Response>;

/**
 * A magic link requested straight from Auth.js's endpoint is throttled like the form's: 429 with
 * Retry-After. (Password sign-in is throttled inside the credentials provider, for both paths.)
 */
async function throttleMagicLink(request: NextRequest, body: Uint8Array | undefined) {
  if (request.method !== "POST" || !request.nextUrl.pathname.endsWith("/signin/email")) return;
  const email =
    new URLSearchParams(Buffer.from(body ?? new Uint8Array()).toString("utf8")).get("email")?.trim().toLowerCase() ??
    "";
  try {
    await consume(authLimits.magicLink(email, clientIp(request.headers)));
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    const response = toErrorResponse(
      new AppError("rate_limited", error.message, { retryAfterSeconds: error.retryAfterSeconds }),
    );
    response.headers.set("retry-after", String(error.retryAfterSeconds));
    return response;
  }
}

/** Auth.js reads whatever body it is given; this hands it one read under the cap, or answers 413. */
function capped(handler: Handler): Handler {
  return async (request) => {
    let body: Uint8Array | undefined;
    try {
      body = request.body ? await readBytesLimited(request, maxAuthBodyBytes) : undefined;
      const refused = await throttleMagicLink(request, body);
      if (refused) return refused;
    } catch (error) {
      return toErrorResponse(error);
    }
    return handler(
      new NextRequest(request.url, {
        method: request.method,
        headers: request.headers,
        body: body as BodyInit | undefined,
      }),
    );
  };
}

export const GET = capped(handlers.GET);
export const POST = capped(handlers.POST);
