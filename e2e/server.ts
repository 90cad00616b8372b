/**
 * The server Playwright tests run against: a fresh database on the test Postgres server, the
 * production build, and the same start script a person uses (`scripts/start.ts --production`).
 */
import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { startSmtpSink } from "../tools/smtp-sink";
import { adminQuery, databaseUrl } from "../test/postgres";
import { e2eDatabase, e2eDemoReceiverPort, e2eInngestPort, e2ePort, mailboxFile } from "./fixtures/config";

await adminQuery(`DROP DATABASE IF EXISTS "${e2eDatabase}" WITH (FORCE)`);
await adminQuery(`CREATE DATABASE "${e2eDatabase}"`);

// A real SMTP server whose mail the tests read, as a person reads their inbox.
await mkdir(path.dirname(mailboxFile), { recursive: true });
await writeFile(mailboxFile, "");
const sink = await startSmtpSink({ onMessage: (email) => appendFileSync(mailboxFile, `${JSON.stringify(email)}\n`) });

const server = spawn("npx", ["tsx", "--import", "./scripts/server-only.mjs", "scripts/start.ts", "--production"], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl(e2eDatabase),
    PORT: String(e2ePort),
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
    SMTP_URL: sink.url,
    SEED_DEMO: "true",
    LOCAL_INNGEST_PORT: String(e2eInngestPort),
    DEMO_RECEIVER_PORT: String(e2eDemoReceiverPort),
    SECRETS_KEYS: `e2e:${Buffer.alloc(32, 9).toString("base64")}`,
    // Every browser test signs up from 127.0.0.1: more than one person's hourly share of sign-ups.
    AUTH_IP_LIMIT_SCALE: "10",
  },
});
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
