import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { readBytesLimited } from "@/lib/http/body";
import { toErrorResponse } from "@/lib/http/respond";

// Sign-in, sign-out and magic-link forms are a few hundred bytes; nothing here needs more.
const maxAuthBodyBytes = 64 * 1024;

type Handler = (request: NextRequest) => Promise<Response>;

/** Auth.js reads whatever body it is given; this hands it one read under the cap, or answers 413. */
function capped(handler: Handler): Handler {
  return async (request) => {
    let body: Uint8Array | undefined;
    try {
      body = request.body ? await readBytesLimited(request, maxAuthBodyBytes) : undefined;
    } catch (error) {
      return toErrorResponse(error);
    }
    return handler(new NextRequest(request.url, { method: request.method, headers: request.headers, body: body as BodyInit | undefined }));
  };
}

export const GET = capped(handlers.GET);
export const POST = capped(handlers.POST);
