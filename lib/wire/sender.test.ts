import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { afterAll, describe, expect, it, vi } from "vitest";
import { guardedConnector } from "@/lib/wire/guarded-connector";
import { sendRequest, type OutgoingRequest } from "@/lib/wire/sender";
import { parseAllowList } from "@/lib/wire/ssrf";

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  remotePort: number | undefined;
}

interface TestServer {
  url: string;
  received: Received[];
  connections: number;
  close(): Promise<void>;
}

const servers: TestServer[] = [];
const agent = new Agent();

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await agent.close();
});

/** A real HTTP server on loopback that records each request, then lets `respond` answer it. */
async function startServer(respond: (request: IncomingMessage, response: ServerResponse) => void): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        remotePort: request.socket.remotePort,
      });
      respond(request, response);
    });
  });
  const state: TestServer = {
    url: "",
    received,
    connections: 0,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  server.on("connection", () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(state);
  return state;
}

const outgoing = (url: string, body = '{"hello":"world"}'): OutgoingRequest => ({
  url,
  headers: { "content-type": "application/json; charset=utf-8", "x-team": "payments" },
  body,
});

describe("sendRequest", () => {
  it("POSTs the request and reports a 2xx with its headers and body", async () => {
    const server = await startServer((_, response) => {
      response.writeHead(202, { "x-receipt": "r-1" });
      response.end("accepted ✓");
    });
    const started = performance.now();
    const result = await sendRequest(outgoing(`${server.url}/hook?x=1`), { timeoutMs: 5000, dispatcher: agent });
    const took = performance.now() - started;

    expect(result).toMatchObject({
      status: 202,
      body: "accepted ✓",
      truncated: false,
      errorClass: null,
      errorMessage: null,
    });
    expect(result.headers["x-receipt"]).toBe("r-1");
    expect(Number.isInteger(result.durationMs)).toBe(true);
    expect(result.durationMs).toBeLessThanOrEqual(Math.ceil(took));
    expect(server.received).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/hook?x=1",
        body: '{"hello":"world"}',
        headers: expect.objectContaining({
          "content-type": "application/json; charset=utf-8",
          "x-team": "payments",
          "content-length": "17",
        }),
      }),
    ]);
  });

  it("does not follow a redirect", async () => {
    const server = await startServer((request, response) => {
      if (request.url === "/moved") response.writeHead(302, { location: "/elsewhere" }).end();
      else response.writeHead(200).end("should never be reached");
    });
    const result = await sendRequest(outgoing(`${server.url}/moved`), { timeoutMs: 5000, dispatcher: agent });
    expect(result).toMatchObject({ status: 302, errorClass: null });
    expect(result.headers.location).toBe("/elsewhere");
    expect(server.received.map((request) => request.path)).toEqual(["/moved"]);
  });

  it("gives up on a server that never answers within the timeout", async () => {
    const server = await startServer(() => {});
    const result = await sendRequest(outgoing(server.url), { timeoutMs: 300, dispatcher: agent });
    expect(result).toMatchObject({
      status: null,
      errorClass: "timeout",
      errorMessage: "no complete response within 300 ms",
      body: "",
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
    expect(result.durationMs).toBeLessThan(1500);
  });

  it("counts the body in the timeout: headers in time but a body that stalls is a timeout", async () => {
    const server = await startServer((_, response) => {
      response.writeHead(200);
      response.write("partial");
    });
    const result = await sendRequest(outgoing(server.url), { timeoutMs: 300, dispatcher: agent });
    expect(result).toMatchObject({ status: null, errorClass: "timeout" });
    expect(result.durationMs).toBeLessThan(1500);
  });

  it("keeps the first 100 KB of a 5 MB answer and stops reading", async () => {
    const server = await startServer((_, response) => {
      response.writeHead(500);
      response.end(Buffer.alloc(5 * 1024 * 1024, "x"));
    });
    const result = await sendRequest(outgoing(server.url), { timeoutMs: 10_000, dispatcher: agent });
    expect(result).toMatchObject({ status: 500, truncated: true, errorClass: null });
    expect(result.body).toHaveLength(100 * 1024);
    expect(result.durationMs).toBeLessThan(2000);
  });

  it("never buffers what it does not keep: an endless answer ends at the cap, well within the timeout", async () => {
    const server = await startServer((_, response) => {
      response.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, "y");
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once("drain", pump);
      };
      pump();
    });
    const result = await sendRequest(outgoing(server.url), {
      timeoutMs: 10_000,
      maxResponseBytes: 1000,
      dispatcher: agent,
    });
    expect(result).toMatchObject({ status: 200, truncated: true, body: "y".repeat(1000) });
    expect(result.durationMs).toBeLessThan(2000);
  });

  it("does not call an answer of exactly the cap truncated", async () => {
    const server = await startServer((_, response) => response.writeHead(200).end("z".repeat(1000)));
    const result = await sendRequest(outgoing(server.url), {
      timeoutMs: 5000,
      maxResponseBytes: 1000,
      dispatcher: agent,
    });
    expect(result).toMatchObject({ status: 200, truncated: false, body: "z".repeat(1000) });
  });

  it("reports a refused connection", async () => {
    const server = await startServer(() => {});
    await server.close();
    const result = await sendRequest(outgoing(server.url), { timeoutMs: 5000, dispatcher: agent });
    expect(result).toMatchObject({ status: null, errorClass: "connection_refused" });
    expect(result.errorMessage).toContain("ECONNREFUSED");
  });

  it("reports a connection reset by the server", async () => {
    const server = await startServer((request) => request.socket.resetAndDestroy());
    const result = await sendRequest(outgoing(server.url), { timeoutMs: 5000, dispatcher: agent });
    expect(result).toMatchObject({ status: null, errorClass: "connection_reset" });
    expect(server.received).toHaveLength(1);
  });

  it("reports a server that closes the connection without answering as a reset", async () => {
    const server = await startServer((request) => request.socket.destroy());
    const result = await sendRequest(outgoing(server.url), { timeoutMs: 5000, dispatcher: agent });
    expect(result).toMatchObject({ status: null, errorClass: "connection_reset" });
  });

  it("reports a TLS failure when the endpoint does not speak TLS", async () => {
    const server = await startServer((_, response) => response.writeHead(200).end());
    const result = await sendRequest(outgoing(server.url.replace("http:", "https:")), {
      timeoutMs: 5000,
      dispatcher: agent,
    });
    expect(result).toMatchObject({ status: null, errorClass: "tls" });
  });

  it("reuses one kept-alive connection across calls to the same origin", async () => {
    const server = await startServer((_, response) => response.writeHead(200).end("ok"));
    const pool = new Agent();
    try {
      const first = await sendRequest(outgoing(server.url), { timeoutMs: 5000, dispatcher: pool });
      // undici hands a kept-alive socket back one event-loop turn after its response completed;
      // deliveries to one origin are never closer together than that.
      await vi.waitFor(() => expect(pool.stats[server.url]).toMatchObject({ connected: 1, free: 1 }));
      const second = await sendRequest(outgoing(server.url), { timeoutMs: 5000, dispatcher: pool });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(server.received).toHaveLength(2);
      expect(server.received[1]!.remotePort).toBe(server.received[0]!.remotePort);
      expect(server.connections).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it("says when the request has been written, before its answer, and not at all when it never was", async () => {
    let receivedAt = 0;
    const server = await startServer((_, response) => {
      receivedAt = performance.now();
      setTimeout(() => response.writeHead(200).end("ok"), 300);
    });
    const sentAt: number[] = [];
    const result = await sendRequest(outgoing(server.url), {
      timeoutMs: 5000,
      dispatcher: agent,
      onSent: () => sentAt.push(performance.now()),
    });
    const answeredAt = performance.now();
    expect(result).toMatchObject({ status: 200, body: "ok" });
    expect(sentAt).toHaveLength(1);
    // Written before the server had read it all, and long before the answer came.
    expect(sentAt[0]!).toBeLessThanOrEqual(receivedAt);
    expect(answeredAt - sentAt[0]!).toBeGreaterThanOrEqual(300);

    await server.close();
    const refused: number[] = [];
    expect(
      await sendRequest(outgoing(server.url), {
        timeoutMs: 5000,
        dispatcher: agent,
        onSent: () => refused.push(performance.now()),
      }),
    ).toMatchObject({ errorClass: "connection_refused" });
    expect(refused).toEqual([]);
  });

  it("never throws for a URL it cannot send to", async () => {
    const result = await sendRequest(outgoing("not a url"), { timeoutMs: 5000, dispatcher: agent });
    expect(result).toMatchObject({ status: null, errorClass: "network", errorMessage: "Invalid URL", body: "" });
  });
});

describe("sendRequest behind the SSRF guard", () => {
  it("refuses a non-public address, with the guard's reason, without connecting", async () => {
    const server = await startServer((_, response) => response.writeHead(200).end());
    const guarded = new Agent({ connect: guardedConnector(parseAllowList("")) });
    try {
      const literal = await sendRequest(outgoing(server.url), { timeoutMs: 5000, dispatcher: guarded });
      expect(literal).toMatchObject({ status: null, errorClass: "blocked_address" });
      expect(literal.errorMessage).toContain("127.0.0.1");
      const named = await sendRequest(outgoing(server.url.replace("127.0.0.1", "localhost")), {
        timeoutMs: 5000,
        dispatcher: guarded,
      });
      expect(named.errorClass).toBe("blocked_address");
      expect(server.connections).toBe(0);
    } finally {
      await guarded.close();
    }
  });

  it("reports a name that does not resolve as a DNS failure", async () => {
    const notFound = () => Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }));
    const guarded = new Agent({ connect: guardedConnector(parseAllowList(""), notFound) });
    try {
      const result = await sendRequest(outgoing("http://no-such-host.example/hook"), {
        timeoutMs: 5000,
        dispatcher: guarded,
      });
      expect(result).toMatchObject({ status: null, errorClass: "dns" });
      expect(result.errorMessage).toContain("no-such-host.example");
    } finally {
      await guarded.close();
    }
  });

  it("goes through the guard by default: the operator's allow-list (loopback, in tests) passes, metadata addresses do not", async () => {
    const server = await startServer((_, response) => response.writeHead(200).end("ok"));
    expect(await sendRequest(outgoing(server.url), { timeoutMs: 5000 })).toMatchObject({ status: 200, body: "ok" });
    const metadata = await sendRequest(outgoing("http://169.254.169.254/latest/meta-data/"), { timeoutMs: 5000 });
    expect(metadata).toMatchObject({ status: null, errorClass: "blocked_address" });
    expect(metadata.errorMessage).toContain("169.254.169.254");
  });
});
