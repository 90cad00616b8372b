import { createServer, type Server } from "node:http";
import { Webhook } from "standardwebhooks";

export interface DemoDelivery {
  path: string;
  deliveryId: string;
  type: string;
  verified: boolean;
}

export interface DemoReceiver {
  url: string;
  stop(): Promise<void>;
}

/**
 * The local end of the demo: a webhook receiver on loopback that checks each request the way a
 * Standard Webhooks customer would (with the official library) and reports it.
 */
export async function startDemoReceiver({
  port,
  secret,
  onDelivery,
}: {
  port: number;
  secret: string;
  onDelivery: (delivery: DemoDelivery) => void;
}): Promise<DemoReceiver> {
  const verifier = new Webhook(secret);
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = true;
      let type = "?";
      try {
        type = (verifier.verify(body, request.headers as Record<string, string>) as { type?: string }).type ?? "?";
      } catch {
        verified = false;
      }
      onDelivery({
        path: request.url ?? "/",
        deliveryId: String(request.headers["webhook-id"] ?? "?"),
        type,
        verified,
      });
      response.writeHead(verified ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
