import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readBodyCapped, toWebRequest, writeWebResponse } from "@/server/node-web";

// `never` accepts every route handler, whatever its request type (Request, NextRequest) and extra arguments.
type RouteHandler = (request: never, ...rest: never[]) => Promise<Response> | Response;

export type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", RouteHandler>>;

export interface ServedRoute {
  /** The route's absolute URL, e.g. http://127.0.0.1:41234/api/inngest */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a Next.js route module's handlers on a real HTTP server on 127.0.0.1 (ephemeral port), the
 * way Next.js would call them: one web Request in, one Response out. Other paths answer 404, other
 * methods 405. Pass a loader (`() => import("@/app/api/inngest/route")`) to import the module on
 * the first request, e.g. once the Inngest settings name an executor that needed this route's URL to start.
 */
export async function serveRoute(
  module: RouteModule | (() => Promise<RouteModule>),
  path = "/api/inngest",
): Promise<ServedRoute> {
  let loaded: Promise<RouteModule> | undefined;
  const load = () => (loaded ??= typeof module === "function" ? module() : Promise.resolve(module));
  const server = createServer((request, response) => {
    void (async () => {
      const origin = `http://${request.headers.host ?? "127.0.0.1"}`;
      const { body } = await readBodyCapped(request, Number.POSITIVE_INFINITY);
      if (new URL(request.url ?? "/", origin).pathname !== path)
        return writeWebResponse(new Response(null, { status: 404 }), response);
      const handler = (await load())[request.method as keyof RouteModule];
      if (!handler) return writeWebResponse(new Response(null, { status: 405 }), response);
      const webRequest = toWebRequest(request, origin, body);
      await writeWebResponse(await handler(webRequest as never), response);
    })().catch((error: unknown) => {
      console.error("serveRoute: the handler threw", error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
