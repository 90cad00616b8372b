import { localInngestPort, smtpSinkPort } from "@/test/engine-env";
import { startLocalInngest, type LocalInngest } from "@/lib/inngest-local/executor";
import { startSmtpSink, type ReceivedEmail } from "@/lib/mail/smtp-sink";
import { serveRoute } from "@/test/serve-route";

export interface DeliveryEngine {
  executor: LocalInngest;
  /** The executor's (virtual) clock: where receivers read the time a request arrived. */
  now: () => Date;
  /** Every email the hub sent, as a real SMTP server on loopback received it. */
  mailbox: ReceivedEmail[];
  /** Runs everything due now, then moves the clock forward in order of what falls due. */
  advance: (ms: number) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * The real delivery engine for a test file: the app's /api/inngest route served over HTTP, driven
 * by the local executor on a virtual clock, its state in the test file's own database.
 */
export async function startDeliveryEngine({ crons = false } = {}): Promise<DeliveryEngine> {
  const mailbox: ReceivedEmail[] = [];
  const sink = await startSmtpSink({ port: smtpSinkPort, onMessage: (email) => mailbox.push(email) });
  const route = await import("@/app/api/inngest/route");
  const app = await serveRoute(route);
  const executor = await startLocalInngest({
    serveUrl: app.url,
    databaseUrl: process.env.DATABASE_URL!,
    port: localInngestPort,
    clock: "virtual",
    virtualStart: new Date(),
  });
  await executor.sync();
  // Days of virtual time would fire the sweep and purge crons hundreds of times; files that test
  // those functions ask for them, the others leave them out to stay fast.
  if (!crons) {
    const { db } = await import("@/lib/db");
    await db.$executeRawUnsafe("DELETE FROM inngest_local.crons");
  }
  return {
    executor,
    mailbox,
    now: () => executor.now(),
    advance: async (ms) => {
      await executor.drain();
      await executor.advance(ms);
    },
    stop: async () => {
      await executor.stop();
      await app.close();
      await sink.stop();
    },
  };
}
