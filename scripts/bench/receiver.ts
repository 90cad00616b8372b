import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingReceiver {
  url: string;
  /** Requests whose body arrived whole. */
  received(): number;
  /** Of those, the ones carrying a Standard Webhooks signature. */
  signed(): number;
  close(): Promise<void>;
}

/** The cheapest honest webhook endpoint: reads each body to the end and answers 200. */
export async function startCountingReceiver(): Promise<CountingReceiver> {
  let received = 0;
  let signed = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      received++;
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
    signed: () => signed,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
