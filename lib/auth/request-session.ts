import "server-only";
import { getToken } from "next-auth/jwt";
import { isSessionCurrent } from "@/lib/auth/session-version";
import { env } from "@/lib/env";

/**
 * The signed-in user's id from the request's Auth.js session cookie (an encrypted JWT), read
 * from the request itself so API handlers need no framework request scope. A session that was
 * revoked (sign-out, password change, verification, removal from an org) counts as none.
 */
export async function sessionUserId(request: Request): Promise<string | null> {
  const secure = request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:";
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: secure });
  if (typeof token?.sub !== "string") return null;
  return (await isSessionCurrent(token.sub, token.sv)) ? token.sub : null;
}
