import { NextResponse, type NextRequest } from "next/server";
import { refuseForeignServerAction } from "@/lib/http/action-origin";

/** Runs before pages and server actions: a server action from another site is a 403, not Next's 500. */
export function proxy(request: NextRequest) {
  return refuseForeignServerAction(request) ?? NextResponse.next();
}

export const config = {
  // Server actions post to page paths; API routes, static files and images never carry one.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
