import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Reads a request body into memory, at most `maxBytes + 1` bytes: past that it stops reading, so
 * the handler still sees a body over its limit (and answers 413) while a huge one is never held.
 * Says whether the body was cut short, so the caller can close the connection instead of reading on.
 */
export async function readBodyCapped(
  request: IncomingMessage,
  maxBytes: number,
): Promise<{ body: Buffer; cut: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > maxBytes) return { body: Buffer.concat(chunks).subarray(0, maxBytes + 1), cut: true };
  }
  return { body: Buffer.concat(chunks), cut: false };
}

/** The web Request a route handler takes, from Node's request and its body read in full. */
export function toWebRequest(request: IncomingMessage, origin: string, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = request.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD" && body.length > 0;
  return new Request(new URL(request.url ?? "/", origin), {
    method,
    headers,
    // A view, not a copy: a Buffer read from a socket sits on a plain ArrayBuffer.
    body: hasBody ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length) : undefined,
  });
}

/** Writes a route handler's Response to Node's response, its body read in full. */
export async function writeWebResponse(response: Response, target: ServerResponse): Promise<void> {
  target.statusCode = response.status;
  response.headers.forEach((value, name) => target.appendHeader(name, value));
  target.end(Buffer.from(await response.arrayBuffer()));
}
