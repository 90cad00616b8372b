import "server-only";
import { z } from "zod";

// The only reader of process.env in the app. Defaults describe the embedded local setup that
// `npm run dev` starts, so a fresh clone runs with no configuration at all.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().min(1).default("postgresql://postgres@127.0.0.1:54329/postgres"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  APP_URL: z.url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32).optional(),
  // Key ring for secrets at rest: "<id>:<base64 32 bytes>[,…]"; the first key encrypts.
  SECRETS_KEYS: z.string().min(1).optional(),
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("Webhook Hub <hub@localhost>"),
  // Inngest: INNGEST_DEV is a real Inngest dev server's URL (unsigned dev mode). Otherwise the app
  // runs signed against INNGEST_BASE_URL with the event and signing keys: Inngest Cloud, a
  // self-hosted `inngest start`, or the local executor `npm run dev` starts with generated keys.
  INNGEST_DEV: z.string().min(1).optional(),
  INNGEST_BASE_URL: z.url().optional(),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().min(1).optional(),
  // Networks delivery may reach although they are not public (on-prem targets, the local demo):
  // comma-separated CIDRs, e.g. "127.0.0.0/8,::1/128". Empty: public addresses only.
  DELIVERY_ALLOWED_CIDRS: z.string().default(""),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // GET /api/metrics answers only when this is set, and only to `Authorization: Bearer <METRICS_TOKEN>`.
  METRICS_TOKEN: z.string().min(16, "Use at least 16 characters.").optional(),
  // GET /api/health/ready answers 503 once the oldest undispatched event or due delivery is older than this.
  ENGINE_LAG_THRESHOLD_SECONDS: z.coerce.number().int().min(1).default(60),
  // Multiplies the per-IP limits on sign-in, sign-up, magic links and verification (not the per-address ones).
  AUTH_IP_LIMIT_SCALE: z.coerce.number().int().min(1).max(1000).default(1),
  SIGNUP_ENABLED: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export const env = parseEnv();

// Auth.js builds its own URLs from AUTH_URL; without it, from the request's Host header, which a
// client controls. Pin it to the public URL.
process.env.AUTH_URL ??= env.APP_URL;
