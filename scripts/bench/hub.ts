/**
 * The hub under benchmark, as its own process group so the load generator does not share an event
 * loop with it: the production server (`server/main.ts` on the build) driven by the local Inngest executor, as
 * `scripts/start.ts --production` runs them, minus the build, migrations and seed the benchmark
 * does itself. Prints "ready" once the executor has registered the app's functions.
 * Environment: DATABASE_URL and the app's settings, PORT, LOCAL_INNGEST_PORT.
 */
import { spawn } from "node:child_process";
import { startLocalInngest } from "@/tools/inngest-local/executor";
import { repoRoot } from "@/scripts/bench/run-command";

const port = Number(process.env.PORT);
const executorPort = Number(process.env.LOCAL_INNGEST_PORT);

const executor = await startLocalInngest({
  serveUrl: `http://127.0.0.1:${port}/api/inngest`,
  databaseUrl: process.env.DATABASE_URL!,
  port: executorPort,
  clock: "real",
  log: (message) => console.log(`inngest: ${message}`),
});

// Same process group as this script: stopping the group stops Next.js too, even if this dies first.
// The app runs in cloud mode against the executor, as under `npm run dev`: signed calls, keyed events.
const inherited = { ...process.env };
delete inherited.INNGEST_DEV;
const next = spawn("npx", ["tsx", "server/main.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
  cwd: repoRoot,
  stdio: "inherit",
  env: {
    ...inherited,
    INNGEST_BASE_URL: executor.url,
    INNGEST_SIGNING_KEY: executor.signingKey,
    INNGEST_EVENT_KEY: executor.eventKey,
    APP_URL: `http://127.0.0.1:${port}`,
  },
});

async function stop(code: number) {
  if (next.exitCode === null) next.kill("SIGTERM");
  await executor.stop().catch(() => undefined);
  process.exit(code);
}
next.on("exit", (code) => void stop(code ?? 1));
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

/** The executor learns the functions once Next.js answers on /api/inngest. */
async function syncWhenReady(deadline: number) {
  for (;;) {
    try {
      await executor.sync();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

await syncWhenReady(Date.now() + 120_000);
console.log("ready");
