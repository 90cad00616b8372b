import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Throttling of sign-in, sign-up, magic-link and verification requests: fixed-window counters in
 * Postgres, so every instance shares them. One statement per counter: it starts a new window when
 * the stored one is over, otherwise counts one more, and says where the count stands.
 */
export interface Limit {
  key: string;
  limit: number;
  windowMs: number;
}

const minute = 60_000;
// Operators whose users share one address (an office behind NAT, a test suite) raise the per-IP limits.
const perIp = (limit: number) => limit * env.AUTH_IP_LIMIT_SCALE;

/** Per address and per client IP; an IP gets more room, as several people may share one. */
export const authLimits = {
  signIn: (email: string, ip: string): Limit[] => [
    { key: `sign-in:email:${email}`, limit: 10, windowMs: 15 * minute },
    { key: `sign-in:ip:${ip}`, limit: perIp(50), windowMs: 15 * minute },
  ],
  signUp: (email: string, ip: string): Limit[] => [
    { key: `sign-up:email:${email}`, limit: 5, windowMs: 60 * minute },
    { key: `sign-up:ip:${ip}`, limit: perIp(20), windowMs: 60 * minute },
  ],
  magicLink: (email: string, ip: string): Limit[] => [
    { key: `magic-link:email:${email}`, limit: 5, windowMs: 60 * minute },
    { key: `magic-link:ip:${ip}`, limit: perIp(20), windowMs: 60 * minute },
  ],
  verification: (email: string, ip: string): Limit[] => [
    { key: `verification:email:${email}`, limit: 10, windowMs: 60 * minute },
    { key: `verification:ip:${ip}`, limit: perIp(30), windowMs: 60 * minute },
  ],
};

/** Thrown when a counter is past its limit; `retryAfterSeconds` is when its window ends. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute${retryAfterSeconds > 60 ? "s" : ""}.`,
    );
    this.name = "RateLimited";
  }
}

async function count({ key, windowMs }: Limit, now: Date): Promise<{ windowStart: Date; count: number }> {
  const expired = new Date(now.getTime() - windowMs);
  const [row] = await db.$queryRaw<Array<{ windowStart: Date; count: number }>>`
    INSERT INTO "AuthRateLimit" (key, "windowStart", count) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      "windowStart" = CASE WHEN "AuthRateLimit"."windowStart" <= ${expired} THEN EXCLUDED."windowStart" ELSE "AuthRateLimit"."windowStart" END,
      count = CASE WHEN "AuthRateLimit"."windowStart" <= ${expired} THEN 1 ELSE "AuthRateLimit".count + 1 END
    RETURNING "windowStart", count`;
  return row!;
}

/** Counts one request against every limit; throws RateLimited if any is exceeded (all are counted either way). */
export async function consume(limits: Limit[], now = new Date()): Promise<void> {
  let retryAfterMs = 0;
  for (const limit of limits) {
    const { windowStart, count: used } = await count(limit, now);
    if (used > limit.limit)
      retryAfterMs = Math.max(retryAfterMs, windowStart.getTime() + limit.windowMs - now.getTime());
  }
  if (retryAfterMs > 0) throw new RateLimited(Math.max(1, Math.ceil(retryAfterMs / 1000)));
}

/** Counters whose window ended: nothing reads them again. */
export async function purgeRateLimits(now = new Date(), longestWindowMs = 60 * minute): Promise<number> {
  const { count: purged } = await db.authRateLimit.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - longestWindowMs) } },
  });
  return purged;
}

/**
 * The client's address as the proxy in front of the hub reports it (first X-Forwarded-For entry,
 * else X-Real-IP); "unknown" shares one counter among clients that send neither.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip")?.trim() || "unknown").slice(0, 64);
}
