/**
 * The server Playwright tests run against: a fresh database on the test Postgres server, the
 * production build, and the same start script a person uses (`scripts/start.ts --production`).
 */
import { spawn } from "node:child_process";
import { adminQuery, databaseUrl } from "../test/postgres";
import { e2eDatabase, e2ePort } from "./fixtures/config";

await adminQuery(`DROP DATABASE IF EXISTS "${e2eDatabase}" WITH (FORCE)`);
await adminQuery(`CREATE DATABASE "${e2eDatabase}"`);

const server = spawn("npx", ["tsx", "scripts/start.ts", "--production"], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl(e2eDatabase),
    PORT: String(e2ePort),
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
    EMBEDDED_SMTP_PORT: "2599",
    SECRETS_KEYS: `e2e:${Buffer.alloc(32, 9).toString("base64")}`,
  },
});
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
