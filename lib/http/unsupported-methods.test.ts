import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { refuseUnsupportedMethods } from "@/lib/http/unsupported-methods";

// A server that, like Next.js, builds a WHATWG Request for every request: that throws on TRACE.
let server: ReturnType<typeof createServer>;
let port: number;

beforeAll(async () => {
  refuseUnsupportedMethods();
  server = createServer((incoming, response) => {
    try {
      new Request(`http://localhost${incoming.url}`, { method: incoming.method });
      response.writeHead(200).end("ok");
    } catch {
      response.writeHead(500).end("internal error");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, method, path: "/api/v1/projects" }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on("error", reject).end();
  });
}

it("answers TRACE with 405 in the documented error shape, and lets other methods through", async () => {
  const answer = await send("TRACE");
  expect(answer.status).toBe(405);
  expect(JSON.parse(answer.body)).toEqual({
    error: { code: "method_not_allowed", message: "This method is not supported.", details: null },
  });
  expect(await send("GET")).toEqual({ status: 200, body: "ok" });
  // Node's own parser refuses TRACK before any handler runs.
  expect((await send("TRACK")).status).toBe(400);
});
