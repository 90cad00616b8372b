import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";

/**
 * The signed-in user's id from the request's Auth.js session cookie (an encrypted JWT), read
 * from the request itself so API handlers need no framework request scope.
 */
export async function sessionUserId(request: Request): Promise<string | null> {
  const secure = request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:";
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: secure });
  return typeof token?.sub === "string" ? token.sub : null;
}
