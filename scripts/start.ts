/**
 * `npm run dev`: the whole product on one machine with nothing else installed.
 * Uses DATABASE_URL and SMTP_URL when set; otherwise starts an embedded Postgres (a real PostgreSQL
 * 17 server from node_modules, data in .data/pg) and an embedded SMTP sink that prints every email.
 * Applies migrations, seeds the demo org, then runs Next.js with the local Inngest executor (unless
 * INNGEST_DEV or Inngest keys point elsewhere). `--production` builds and serves the production
 * build instead (e2e).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { startDemoReceiver, type DemoReceiver } from "@/tools/embedded/demo-receiver";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/tools/embedded/postgres";
import { startLocalInngest, type LocalInngest } from "@/tools/inngest-local/executor";
import { generateEventKey, generateSigningKey } from "@/tools/inngest-local/signing";
import { startSmtpSink, type ReceivedEmail, type SmtpSink } from "@/tools/smtp-sink";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
const production = process.argv.includes("--production");
const port = Number(process.env.PORT ?? 3000);
const embeddedPgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const embeddedSmtpPort = Number(process.env.EMBEDDED_SMTP_PORT ?? 2525);
const localInngestPort = Number(process.env.LOCAL_INNGEST_PORT ?? 8288);
const demoReceiverPort = Number(process.env.DEMO_RECEIVER_PORT ?? 4000);

const cleanups: Array<() => Promise<void> | void> = [];

function log(message: string) {
  console.log(`\x1b[36m[hub]\x1b[0m ${message}`);
}

// Asynchronous on purpose: the SMTP sink lives in this process, and the embedded Postgres writes its log to it.
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: process.env });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed with exit code ${code}`)),
    );
  });
}

/**
 * A step before serving (generate, migrate, build): at the CPU priority PREPARE_NICENESS names, if
 * set. `npm test` prepares the e2e server beside its timing-sensitive tests that way, and the
 * server itself then runs at the normal priority, level with the browsers that load its pages.
 */
function prepare(command: string, args: string[]): Promise<void> {
  const niceness = process.env.PREPARE_NICENESS;
  return niceness ? run("nice", ["-n", niceness, command, ...args]) : run(command, args);
}

/** A secret generated on first start and kept in .data/, so sessions and stored secrets survive restarts. */
async function persistentSecret(name: string, generate: () => string): Promise<string> {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = generate();
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

function printEmail(email: ReceivedEmail) {
  const links = email.text.match(/https?:\/\/\S+/g) ?? [];
  log(`✉  email to ${email.to.join(", ")}: "${email.subject}"`);
  for (const link of links) log(`   ${link}`);
}

async function main() {
  await mkdir(dataDir, { recursive: true });
  process.env.AUTH_SECRET ??= await persistentSecret("auth-secret", () => randomBytes(32).toString("base64url"));
  process.env.SECRETS_KEYS ??= await persistentSecret("secrets-keys", () => `k1:${randomBytes(32).toString("base64")}`);
  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";

  // The demo account has a published password: only on the embedded database, or when asked for.
  const seedDemoData = !process.env.DATABASE_URL || process.env.SEED_DEMO === "true";
  if (!process.env.DATABASE_URL) {
    const pg: EmbeddedPostgres = await startEmbeddedPostgres(path.join(dataDir, "pg"), embeddedPgPort, log);
    cleanups.push(() => pg.stop());
    process.env.DATABASE_URL = pg.url;
    log(
      `embedded Postgres 17 server on 127.0.0.1:${embeddedPgPort}, data in .data/pg — set DATABASE_URL to use your own`,
    );
  }
  if (!process.env.SMTP_URL) {
    const sink: SmtpSink = await startSmtpSink({ port: embeddedSmtpPort, onMessage: printEmail });
    cleanups.push(() => sink.stop());
    process.env.SMTP_URL = sink.url;
    log(`embedded SMTP sink on ${sink.url}: emails are printed here — set SMTP_URL to send real mail`);
  }

  // `npm test` has generated it already, and its test files are loading it: not written again under them.
  if (process.env.PRISMA_CLIENT_GENERATED !== "1") {
    log("generating the Prisma client…");
    await prepare("npx", ["prisma", "generate"]);
  }
  log("applying migrations…");
  await prepare("npx", ["prisma", "migrate", "deploy"]);
  // The local demo delivers to receivers on this machine; production allows public addresses only.
  if (process.env.DELIVERY_ALLOWED_CIDRS === undefined) {
    process.env.DELIVERY_ALLOWED_CIDRS = "127.0.0.0/8,::1/128";
    log("delivery may reach loopback (127.0.0.0/8, ::1) for local receivers — set DELIVERY_ALLOWED_CIDRS to change");
  }
  const executor = await startExecutor();
  const { seedDemo, demo } = await import("@/prisma/seed");
  const receiver = seedDemoData ? await startDemoReceiverIfFree(demo.webhookSecret) : null;
  if (seedDemoData) await seedDemo(receiver?.url);
  const { db } = await import("@/lib/db");
  await db.$disconnect();

  if (production) {
    log("building the production bundle…");
    await prepare("npx", ["next", "build"]);
  }
  // Production is the hub's own server (server/main.ts: Next.js, with the publish route served directly).
  const serve = production ? ["tsx", "server/main.ts"] : ["next", "dev"];
  const next: ChildProcess = spawn("npx", [...serve, "--port", String(port), "--hostname", "localhost"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
    detached: true,
  });
  cleanups.unshift(() => {
    if (next.pid && next.exitCode === null) process.kill(-next.pid, "SIGTERM");
  });
  next.on("exit", (code) => void shutdown(code ?? 0));

  if (executor) await syncWhenReady(executor);
  log(`Webhook Hub: ${process.env.APP_URL}`);
  if (seedDemoData) log(`demo sign-in: ${demo.email} / ${demo.password} (org "${demo.orgSlug}")`);
  if (receiver) await publishDemoEvent(demo.orgSlug);
  else log("no demo account on your own database (SEED_DEMO=true adds one); sign up to start");
}

async function startDemoReceiverIfFree(secret: string): Promise<DemoReceiver | null> {
  try {
    const receiver = await startDemoReceiver({
      port: demoReceiverPort,
      secret,
      onDelivery: (delivery) =>
        log(
          `← demo receiver: ${delivery.type} event, delivery ${delivery.deliveryId}, signature ${delivery.verified ? "verified ✓" : "INVALID ✗"}`,
        ),
    });
    cleanups.push(() => receiver.stop());
    log(`demo receiver on ${receiver.url}: the demo org's webhook "Local demo receiver" delivers here`);
    return receiver;
  } catch {
    log(`port ${demoReceiverPort} is taken: no demo receiver (set DEMO_RECEIVER_PORT)`);
    return null;
  }
}

/** One event through the whole engine, so the first start shows delivery end to end. */
async function publishDemoEvent(orgSlug: string) {
  const { db } = await import("@/lib/db");
  const { publishEvent } = await import("@/lib/events/publish");
  const org = await db.organization.findUniqueOrThrow({ where: { slug: orgSlug } });
  const { id } = await publishEvent(org.id, { type: "test", payload: { hello: "from npm run dev" }, properties: {} });
  await db.$disconnect();
  log(`published event ${id} ("test") in the demo org; watch for the demo receiver's line`);
}

/**
 * Inngest runs the delivery engine. With no Inngest configured, the local executor (state in the
 * same Postgres) drives /api/inngest over the Inngest HTTP protocol, in real time, signed like
 * Inngest Cloud: the app runs in cloud mode with the executor's keys (kept in .data/ so runs that
 * outlive a restart stay callable), so nothing else can call its functions.
 */
async function startExecutor(): Promise<LocalInngest | null> {
  const configured =
    process.env.INNGEST_DEV ??
    process.env.INNGEST_BASE_URL ??
    (process.env.INNGEST_EVENT_KEY && "Inngest Cloud (INNGEST_EVENT_KEY)");
  if (configured) {
    log(`Inngest: using ${configured}; the local executor is off`);
    return null;
  }
  const executor = await startLocalInngest({
    serveUrl: `http://localhost:${port}/api/inngest`,
    databaseUrl: process.env.DATABASE_URL!,
    port: localInngestPort,
    clock: "real",
    log: (message) => log(`inngest: ${message}`),
    signingKey: await persistentSecret("inngest-signing-key", generateSigningKey),
    eventKey: await persistentSecret("inngest-event-key", generateEventKey),
  });
  cleanups.unshift(() => executor.stop());
  process.env.INNGEST_BASE_URL = executor.url;
  process.env.INNGEST_SIGNING_KEY = executor.signingKey;
  process.env.INNGEST_EVENT_KEY = executor.eventKey;
  log(
    `local Inngest executor on ${executor.url}, calls signed (keys in .data/inngest-*-key; set INNGEST_DEV to use an Inngest dev server)`,
  );
  return executor;
}

/** The executor learns the app's functions once Next.js answers on /api/inngest. */
async function syncWhenReady(executor: LocalInngest) {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      await executor.sync();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  log("inngest: could not register the app's functions; is /api/inngest reachable?");
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch(() => undefined);
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
