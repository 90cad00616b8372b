import { Server, type IncomingMessage, type ServerResponse } from "node:http";

// A method a WHATWG Request cannot carry that reaches the request event (Node's parser answers
// TRACK with a 400 itself, and CONNECT goes to the `connect` event): Next.js builds a Request for
// every route before app code runs, its constructor throws on TRACE, and Next answers 500.
const unsupported = new Set(["TRACE"]);
const installed = Symbol.for("webhook-hub.unsupported-methods");

const body = JSON.stringify({
  error: { code: "method_not_allowed", message: "This method is not supported.", details: null },
});

/**
 * Answers TRACE with 405 in the documented error shape before Next.js sees
 * them. Next offers no hook that runs before it builds its Request, so this wraps the Node HTTP
 * server's request event, once per process (instrumentation.ts installs it at start-up).
 */
export function refuseUnsupportedMethods(): void {
  const prototype = Server.prototype as Server & { [installed]?: true };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (unsupported.has(request.method ?? "")) {
        response.writeHead(405, {
          "content-type": "application/json",
          allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
        });
        response.end(body);
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof prototype.emit;
}
