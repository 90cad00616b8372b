import "server-only";
import { authorize, memberContext, type OrgContext } from "@/lib/auth/org-context";
import type { Permission } from "@/lib/auth/permissions";
import { sessionUserId } from "@/lib/auth/request-session";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { toErrorResponse } from "@/lib/http/respond";
import { withRequestId } from "@/lib/observability/request-context";
import { authenticateToken } from "@/lib/tokens/authenticate";

/** Session callers name the org they act in with this header; token callers' org is the token's. */
export const orgHeader = "x-organization";

type RouteParams = Record<string, string | string[] | undefined>;
type OrgHandler<Params> = (request: Request, ctx: OrgContext & { params: Params }) => Promise<Response>;

async function tokenContext(authorization: string, permission: Permission): Promise<OrgContext> {
  const [scheme, token] = authorization.split(" ");
  if (scheme?.toLowerCase() !== "bearer" || !token) {
    throw new AppError("unauthorized", "Use the Authorization header as: Bearer <token>.");
  }
  const row = await authenticateToken(token.trim());
  if (!row) throw new AppError("unauthorized", "The API token is invalid, expired or revoked.");
  const ctx: OrgContext = {
    org: row.org,
    role: null,
    actor: { type: "token", tokenId: row.id, label: `token ${row.name} (${row.prefix})` },
  };
  authorize(ctx, permission, row.scopes);
  return ctx;
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookies ride along with cross-site requests, so a session may only change data from the hub's
 * own pages. Browsers say where a request comes from in Sec-Fetch-Site (and Origin).
 */
function assertSameOrigin(request: Request) {
  if (safeMethods.has(request.method)) return;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const crossSite =
    (site !== null && site !== "same-origin" && site !== "none") ||
    (origin !== null && origin !== new URL(request.url).origin && origin !== new URL(env.APP_URL).origin);
  if (crossSite) throw new AppError("forbidden", "Cross-site requests cannot use a session; use an API token.");
}

async function sessionContext(request: Request, permission: Permission): Promise<OrgContext> {
  assertSameOrigin(request);
  const userId = await sessionUserId(request);
  if (!userId) throw new AppError("unauthorized", "Sign in, or send an API token as Authorization: Bearer <token>.");
  const orgSlug = request.headers.get(orgHeader);
  if (!orgSlug) throw new AppError("bad_request", `Send the ${orgHeader} header with the organization's slug.`);
  const ctx = await memberContext(userId, orgSlug);
  if (!ctx) throw new AppError("not_found", "Organization not found.");
  authorize(ctx, permission);
  return ctx;
}

/**
 * The one tenant gate for API route handlers: authenticates (bearer token or session), resolves
 * the org, checks the permission, and turns every thrown error into the standard error shape.
 * Every log line written while handling the request carries its request id.
 */
export function withOrg<Params extends RouteParams = RouteParams>(
  handler: OrgHandler<Params>,
  { permission }: { permission: Permission },
) {
  return withRequestId(async (request: Request, route: { params: Promise<Params> }): Promise<Response> => {
    try {
      const authorization = request.headers.get("authorization");
      const ctx = authorization
        ? await tokenContext(authorization, permission)
        : await sessionContext(request, permission);
      // Routes without dynamic segments get no params from Next.js.
      const params = ((await route.params) ?? {}) as Params;
      // Ids never contain NUL; Postgres would refuse the query, so answer as for any unknown id.
      if (JSON.stringify(params).includes("\\u0000")) throw new AppError("not_found", "Not found.");
      return await handler(request, { ...ctx, params });
    } catch (error) {
      return toErrorResponse(error);
    }
  });
}
