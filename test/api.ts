import { encode } from "next-auth/jwt";

// `never` accepts every route handler, whatever its params type.
type Handler = (request: Request, route: { params: Promise<never> }) => Promise<Response>;

export interface Caller {
  token?: string;
  /** A real Auth.js session cookie for this user id, and the org slug the dashboard would send. */
  session?: { userId: string; orgSlug?: string };
  /** A `name=value` cookie kept from earlier (a copied session), sent as-is. */
  cookie?: string;
}

export interface CallOptions extends Caller {
  params?: Record<string, string>;
  body?: unknown;
  /** Sent as-is, for malformed-input tests. */
  rawBody?: string;
  contentType?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

const sessionCookie = "authjs.session-token";

/**
 * A real Auth.js session cookie, as sign-in would issue it now: it carries the user's current
 * session version, so revoking sessions (sign-out, removal…) makes a copy of it stop working.
 */
export async function sessionCookieFor(userId: string): Promise<string> {
  const { db } = await import("@/lib/db");
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  const value = await encode({
    token: { sub: userId, sv: user?.sessionVersion ?? 0 },
    secret: process.env.AUTH_SECRET!,
    salt: sessionCookie,
  });
  return `${sessionCookie}=${value}`;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Calls a route handler with a real Request, the way Next.js would. */
export async function call(method: Method, handler: Handler, path: string, options: CallOptions = {}) {
  const url = new URL(path, "http://localhost:3000");
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.session) {
    headers.set("cookie", await sessionCookieFor(options.session.userId));
    if (options.session.orgSlug) headers.set("x-organization", options.session.orgSlug);
  }
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers.set("content-type", options.contentType ?? "application/json");
  const response = await handler(new Request(url, { method, headers, body }), {
    // Like Next.js: routes without dynamic segments get no params at all.
    params: Promise.resolve(options.params) as Promise<never>,
  });
  const text = await response.text();
  // Response bodies are whatever the API sends; tests assert on their shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: text ? (JSON.parse(text) as any) : null };
}
