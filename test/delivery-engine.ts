import { createServer, connect, type Socket } from "node:net";
import { appPort, inngestKeys, localInngestPort } from "@/test/engine-env";
import { startLocalInngest, type LocalInngest } from "@/tools/inngest-local/executor";
import type { ReceivedEmail } from "@/tools/smtp-sink";
import { startWorkerSmtpSink } from "@/test/worker-smtp-sink";
import { startReceiver, type Receiver, type ReceivedRequest, type Reply } from "@/test/receiver";
import { serveRoute } from "@/test/serve-route";
import { whenPortFree } from "@/test/when-port-free";
import { dispatchStoredEvents } from "@/lib/engine/outbox";
import { handOversSettled } from "@/lib/jobs/background-hand-overs";

export interface DeliveryEngine {
  readonly executor: LocalInngest;
  /** An outage of the engine: the executor stops (the app and its outbox keep taking events). */
  stopExecutor: () => Promise<void>;
  /** A new executor on the same database, port and keys, as after a restart. */
  restartExecutor: () => Promise<void>;
  /** The executor's (virtual) clock: where receivers read the time a request arrived. */
  now: () => Date;
  /** Every email the hub sent, as a real SMTP server on loopback received it. */
  mailbox: ReceivedEmail[];
  /** The app's /api/inngest route, at APP_URL, where the executor calls it. */
  routeUrl: string;
  /** Runs everything due now, then moves the clock forward in order of what falls due. */
  advance: (ms: number) => Promise<void>;
  /** A loopback receiver on the engine's clock, answering `reply`; stop() closes it. */
  receiver: (reply?: (request: ReceivedRequest) => Reply) => Promise<Receiver>;
  /** Stops the engine and every receiver it started. */
  stop: () => Promise<void>;
}

/**
 * Relays TCP connections from APP_URL's port to the route's ephemeral one. The route registers
 * itself under APP_URL (never under a request's Host), and APP_URL is fixed before lib/env loads.
 */
async function relay(fromPort: number, to: URL): Promise<() => Promise<void>> {
  const sockets = new Set<Socket>();
  const server = createServer((incoming) => {
    const outgoing = connect(Number(to.port), to.hostname);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => {
        sockets.delete(socket);
        incoming.destroy();
        outgoing.destroy();
      });
    }
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(fromPort, "127.0.0.1", resolve);
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/**
 * The real delivery engine for a test file: the app's /api/inngest route served over HTTP at
 * APP_URL, driven by the local executor (on a virtual clock unless asked for the real one) with signed calls (the app runs in
 * cloud mode with the executor's keys), its state in the test file's own database.
 */
export async function startDeliveryEngine({
  crons = false,
  clock = "virtual" as "virtual" | "real",
} = {}): Promise<DeliveryEngine> {
  const mailbox: ReceivedEmail[] = [];
  const sink = await startWorkerSmtpSink({ onMessage: (email) => mailbox.push(email) });
  const route = await import("@/app/api/inngest/route");
  const app = await serveRoute(route);
  const closeRelay = await whenPortFree(() => relay(appPort, new URL(app.url)));
  const routeUrl = `http://127.0.0.1:${appPort}/api/inngest`;
  const startExecutor = () =>
    startLocalInngest({
      serveUrl: routeUrl,
      databaseUrl: process.env.DATABASE_URL!,
      port: localInngestPort,
      clock,
      virtualStart: new Date(),
      ...inngestKeys,
    });
  let executor = await whenPortFree(startExecutor);
  await executor.sync();
  // Days of virtual time would fire the sweep and purge crons hundreds of times; files that test
  // those functions ask for them, the others leave them out to stay fast.
  if (!crons) {
    const { db } = await import("@/lib/db");
    await db.$executeRawUnsafe("DELETE FROM inngest_local.crons");
  }
  const receivers: Receiver[] = [];
  const now = () => executor.now();
  let executorRunning = true;
  return {
    get executor() {
      return executor;
    },
    async stopExecutor() {
      executorRunning = false;
      await executor.stop();
    },
    async restartExecutor() {
      executor = await startExecutor();
      executorRunning = true;
    },
    mailbox,
    routeUrl,
    now,
    receiver: async (reply) => {
      const started = await startReceiver(now, reply);
      receivers.push(started);
      return started;
    },
    advance: async (ms) => {
      // Publishing returns once the event is stored, and a webhook's change once it committed; the
      // runs and jobs they start are sent in the background.
      await handOversSettled();
      await dispatchStoredEvents();
      await executor.drain();
      await executor.advance(ms);
    },
    stop: async () => {
      await Promise.all(receivers.map((receiver) => receiver.close()));
      if (executorRunning) await executor.stop();
      await closeRelay();
      await app.close();
      await sink.stop();
    },
  };
}
