/**
 * Imported first by scripts/bench.ts. lib/env reads the environment once, when it loads, so the
 * app modules the benchmark runs in-process (Prisma client, sender, secrets) must find the scratch
 * database and the loopback allow-list here before anything imports them.
 */
import { randomBytes } from "node:crypto";
import { databaseUrl } from "@/test/postgres";

export const scratchDatabase = `bench_${process.pid}_${randomBytes(4).toString("hex")}`;

/** What the hub and the in-process app modules share: one database, one key ring. */
export const appEnv = {
  DATABASE_URL: databaseUrl(scratchDatabase),
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  SECRETS_KEYS: `bench:${randomBytes(32).toString("base64")}`,
  // The loopback receiver of the delivery benchmark would otherwise be refused by the SSRF guard.
  DELIVERY_ALLOWED_CIDRS: "127.0.0.0/8",
  SEED_DEMO: "false",
  NEXT_TELEMETRY_DISABLED: "1",
};

Object.assign(process.env, appEnv);
