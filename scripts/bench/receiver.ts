import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingReceiver {
  url: string;
  /** Requests whose body arrived whole. */
  received(): number;
  /** Of those, the ones carrying a Standard Webhooks signature. */
  signed(): number;
  /** Events those requests carried: one each, or a batch's (a JSON array body). */
  events(): number;
  close(): Promise<void>;
}

/** A Standard Webhooks batch (type "batch") carries its events in `data.events`; any other message carries one. */
function eventsIn(body: string): number {
  const parsed = JSON.parse(body) as { type?: string; data?: { events?: unknown[] } };
  return parsed.type === "batch" ? (parsed.data?.events?.length ?? 0) : 1;
}

/** The cheapest honest webhook endpoint: reads each body to the end and answers 200. */
export async function startCountingReceiver(): Promise<CountingReceiver> {
  let received = 0;
  let signed = 0;
  let events = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received++;
      events += eventsIn(Buffer.concat(chunks).toString("utf8"));
      if (request.headers["webhook-signature"]) signed++;
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("ok");
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received: () => received,
    events: () => events,
    signed: () => signed,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
