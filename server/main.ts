/**
 * The production server (`npm start`): Next.js serves the dashboard and the API, except the routes
 * machines call in a hot loop (server/direct-routes.ts: publish, and Inngest's calls into the
 * functions), which go straight to their compiled handlers. Next.js's own request pipeline
 * (routing, adapters, web streams for the body, tracing) costs about 1 ms of CPU per request on a
 * 2-core machine, twice what a publish itself costs; served directly, the same handler (the same
 * module instances, caches and database pools as Next's) answers the same bytes at about twice the
 * rate. `npm run dev` serves everything through Next.js. Options as `next start`: --port (or PORT,
 * default 3000) and --hostname (default 0.0.0.0).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { loadCompiledRoute, type RouteHandler } from "@/server/compiled-route";
import { directRoutes } from "@/server/direct-routes";
import { readBodyCapped, toWebRequest, writeWebResponse } from "@/server/node-web";

const root = path.resolve(import.meta.dirname, "..");
const { values: options } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(options.port ?? process.env.PORT ?? 3000);
const hostname = options.hostname ?? "0.0.0.0";

const app = next({ dev: false, dir: root, hostname, port });
const handleWithNext = app.getRequestHandler();
await app.prepare();

interface Direct {
  handler: RouteHandler;
  maxBodyBytes: number;
}
const direct = new Map<string, Direct>();
for (const { method, path: routePath, route, maxBodyBytes } of directRoutes) {
  const handler = await loadCompiledRoute(path.join(root, ".next"), route, method);
  // CodeScoring-style clients write API paths with a trailing slash (proxy.ts does the same for Next).
  for (const spelling of [routePath, `${routePath}/`]) direct.set(`${method} ${spelling}`, { handler, maxBodyBytes });
}

const pathnameOf = (url: string) => url.split("?", 1)[0];

async function serveDirectly(
  { handler, maxBodyBytes }: Direct,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { body, cut } = await readBodyCapped(request, maxBodyBytes);
  // Unread bytes stay on the socket: it cannot carry another request.
  if (cut) response.setHeader("connection", "close");
  // The handlers read the URL's origin only for session checks (direct routes take tokens); a Host
  // header that is no host at all must not make the request a 500.
  const host = request.headers.host;
  const origin = host && URL.canParse(`http://${host}`) ? `http://${host}` : `http://${hostname}:${port}`;
  await writeWebResponse(await handler(toWebRequest(request, origin, body), { params: Promise.resolve({}) }), response);
}

const server = createServer((request, response) => {
  const route = direct.get(`${request.method} ${pathnameOf(request.url ?? "/")}`);
  if (!route) return void handleWithNext(request, response);
  serveDirectly(route, request, response).catch((error: unknown) => {
    // The handler answers every error it knows itself; this is a client gone mid-body, or a bug.
    console.error(`[server] ${request.method} ${request.url} failed`, error);
    if (response.headersSent) return void response.destroy();
    response.writeHead(500, { "content-type": "application/json", connection: "close" });
    response.end(
      JSON.stringify({
        error: { code: "internal_error", message: "Something went wrong on our side.", details: null },
      }),
    );
  });
});

// Node closes an idle keep-alive connection after 5 s by default. A client that sends its next
// request on that connection as it closes gets a reset, and a POST is not retried: a publish
// lost on the client's side. Idle connections are kept longer than the usual client and load
// balancer idle timeouts (60 s), so the client is the one that closes them.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, hostname, () => {
  const served = directRoutes.map(({ method, path: routePath }) => `${method} ${routePath}`).join(", ");
  console.log(`▲ Webhook Hub on http://${hostname}:${port}: Next.js, and ${served} served directly`);
});

// Requests in flight finish (each answered with `connection: close`) before the process exits.
const drainMs = 10_000;
async function shutdown() {
  const closed = new Promise((resolve) => server.close(resolve));
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, drainMs).unref())]);
  await app.close();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());
