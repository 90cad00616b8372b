import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

export const requestIdHeader = "x-request-id";

// A caller's id is kept only when it is a short plain token; anything else could forge log lines.
const saneRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** The request id of the request being handled, in any code it calls. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

function requestIdOf(request: Request): string {
  const given = request.headers.get(requestIdHeader);
  return given && saneRequestId.test(given) ? given : `req_${randomBytes(16).toString("hex")}`;
}

function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    // Responses passed through from fetch() have immutable headers.
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

/**
 * Wraps a route handler: the request gets an id (the caller's x-request-id if sane, else a new
 * one), every log line written while it is handled carries it, and the response echoes it.
 */
export function withRequestId<Args extends unknown[]>(handler: (request: Request, ...rest: Args) => Promise<Response>) {
  return async (request: Request, ...rest: Args): Promise<Response> => {
    const requestId = requestIdOf(request);
    const response = await storage.run({ requestId }, () => handler(request, ...rest));
    return withHeader(response, requestIdHeader, requestId);
  };
}

/** Starts background work that outlives the request (the outbox's dispatch) without the request's id on its log lines. */
export function outsideRequest<T>(work: () => T): T {
  return storage.exit(work);
}
