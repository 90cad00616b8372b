import { NextResponse, type NextRequest } from "next/server";
import { refuseForeignServerAction } from "@/lib/http/action-origin";

/**
 * Runs before every route but Next's own assets:
 * - a server action posted from another site is a 403 in the error shape, not Next's 500;
 * - trailing slashes (next.config.ts turns Next's own redirect off): API paths answer at either
 *   spelling without a redirect, because CodeScoring's API (seed 000) writes every path with a
 *   slash and API clients treat a 308 as a failure; pages keep the usual redirect to the slash-less URL.
 */
export function proxy(request: NextRequest) {
  const refused = refuseForeignServerAction(request);
  if (refused) return refused;
  // A plain URL, not nextUrl: NextURL remembers the trailing slash and would put it back.
  const target = new URL(request.url);
  const { pathname } = target;
  if (pathname === "/" || !pathname.endsWith("/")) return NextResponse.next();
  target.pathname = pathname.replace(/\/+$/, "");
  return pathname.startsWith("/api/") ? NextResponse.rewrite(target) : NextResponse.redirect(target, 308);
}

export const config = {
  // Everything but Next's own assets and API paths without a trailing slash: the proxy has nothing
  // to do for those, and running it would make Next copy every request body to hand it over.
  matcher: ["/((?!_next/static|_next/image|api/(?:.*[^/])?$).*)"],
};
