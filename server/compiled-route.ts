import { createRequire } from "node:module";
import path from "node:path";

export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

interface AppRouteEntry {
  routeModule?: { ensureUserland?: () => Promise<void>; userland?: Record<string, RouteHandler | undefined> };
}

const require = createRequire(import.meta.url);

/**
 * One method's handler of a route, from the production build (`.next/server/app/<route>/route.js`):
 * the very module instances Next.js itself serves, so the same caches, pools and metrics, not a
 * second copy of the app. It reads Next's build layout (`routeModule.userland`), which is not a
 * public API, so it fails loudly, at start, if a Next.js upgrade lays the build out otherwise.
 */
export async function loadCompiledRoute(distDir: string, route: string, method: string): Promise<RouteHandler> {
  const file = path.join(distDir, "server", "app", route, "route.js");
  const entry = require(file) as AppRouteEntry;
  await entry.routeModule?.ensureUserland?.();
  const handler = entry.routeModule?.userland?.[method];
  if (typeof handler !== "function")
    throw new Error(
      `${file} has no ${method} handler where this Next.js version was expected to put it (routeModule.userland)`,
    );
  return handler;
}
