/**
 * The hub as one killable process, for the crash-safety test: the real events route and the real
 * /api/inngest route on loopback HTTP, driven by the local executor in real time with signed calls,
 * all state in the database named by DATABASE_URL. Prints "ready <events url>" once it takes
 * requests. Like a server starting (instrumentation.ts), it first dispatches events stored but
 * never fanned out.
 */
import { startLocalInngest } from "@/tools/inngest-local/executor";
import { serveRoute } from "@/test/serve-route";

const executorPort = Number(process.env.CRASH_EXECUTOR_PORT);

// The route is imported on its first request, once lib/env can be given its URL and the executor's keys.
const app = await serveRoute(() => import("@/app/api/inngest/route"), "/api/inngest");
const executor = await startLocalInngest({
  serveUrl: app.url,
  databaseUrl: process.env.DATABASE_URL!,
  port: executorPort,
  clock: "real",
  // The killed hub's runs are taken over once their lease runs out: a short one keeps the test from
  // waiting out the default 30 s. Renewed every third of it, it still outlives a loaded machine's pauses.
  runLeaseMs: 5_000,
});
process.env.APP_URL = new URL(app.url).origin;
process.env.INNGEST_BASE_URL = executor.url;
process.env.INNGEST_SIGNING_KEY = executor.signingKey;
process.env.INNGEST_EVENT_KEY = executor.eventKey;
delete process.env.INNGEST_DEV;

const eventsRoute = await import("@/app/api/v1/events/route");
const { sweepEngine } = await import("@/lib/engine/sweep");

await executor.sync();
await sweepEngine();
const events = await serveRoute(
  { POST: (request: Request) => eventsRoute.POST(request, { params: Promise.resolve({}) }) },
  "/api/v1/events",
);
console.log(`ready ${events.url}`);
