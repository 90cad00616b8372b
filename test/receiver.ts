import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Whatever clock the test cares about (the executor's virtual clock, usually). */
  at: Date;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer this much later: a slow receiver. */
  delayMs?: number;
  /** Never answer: a hanging receiver, left to the sender's timeout. */
  hang?: boolean;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Changes how the next requests are answered. */
  answer(reply: (request: ReceivedRequest) => Reply): void;
  close(): Promise<void>;
}

/** A real HTTP endpoint on loopback that records every request and answers as the test says. */
export async function startReceiver(
  clock: () => Date = () => new Date(),
  initial: (request: ReceivedRequest) => Reply = () => ({ status: 200, body: "ok" }),
): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  let reply = initial;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const received = {
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: clock(),
      };
      requests.push(received);
      const answer = reply(received);
      if (answer.hang) return;
      const respond = () => {
        response.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
        response.end(answer.body ?? "");
      };
      if (answer.delayMs) setTimeout(respond, answer.delayMs);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    answer: (next) => {
      reply = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
