import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as route from "@/app/api/auth/[...nextauth]/route";
import { hashPassword, owaspCost } from "@/lib/auth/password";
import { authLimits, consume, RateLimited } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { createUser } from "@/test/factories";

// Issue 11, item 6: sign-in, sign-up, magic-link and verification requests are throttled in Postgres.
const origin = "http://localhost:3000";
const form = { "content-type": "application/x-www-form-urlencoded" };

async function csrf(ip: string) {
  const response = await route.GET(new NextRequest(`${origin}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } }));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    csrfToken,
    cookie: response.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; "),
  };
}

async function signIn(email: string, password: string, ip: string) {
  const { csrfToken, cookie } = await csrf(ip);
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" });
  const started = performance.now();
  const response = await route.POST(
    new NextRequest(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { ...form, cookie, "x-forwarded-for": ip },
      body,
    }),
  );
  return { location: response.headers.get("location") ?? "", ms: performance.now() - started };
}

describe("the counters", () => {
  it("count atomically across concurrent requests: exactly the limit gets through", async () => {
    const limit = { key: `test:${Date.now()}`, limit: 10, windowMs: 60_000 };
    const now = new Date();
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => consume([limit], now)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(10);
    const refusals = results.filter((result) => result.status === "rejected").map((result) => result.reason as unknown);
    expect(refusals).toHaveLength(15);
    // All at the window's first moment: each is told to come back when the whole minute is over.
    for (const refusal of refusals)
      expect(refusal).toEqual(expect.objectContaining({ name: "RateLimited", retryAfterSeconds: 60 }));
    expect(refusals[0]).toBeInstanceOf(RateLimited);
  });

  it("start again once the window has passed", async () => {
    const limit = { key: `window:${Date.now()}`, limit: 1, windowMs: 60_000 };
    const now = new Date();
    await consume([limit], now);
    await expect(consume([limit], new Date(now.getTime() + 1000))).rejects.toBeInstanceOf(RateLimited);
    await expect(consume([limit], new Date(now.getTime() + 61_000))).resolves.toBeUndefined();
  });
});

describe("password sign-in", () => {
  it("refuses an address after 10 attempts, even with the right password, and tells the form why", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("right-password-1") } });
    // Ten attempts already counted in this window (by this instance or any other).
    await db.authRateLimit.create({ data: { key: `sign-in:email:${user.email}`, windowStart: new Date(), count: 10 } });
    const refused = await signIn(user.email, "right-password-1", "203.0.113.7");
    expect(refused.location).toContain("code=rate_limited");
    const otherAddress = await signIn(`other-${user.email}`, "whatever", "203.0.113.7");
    expect(otherAddress.location).not.toContain("rate_limited");
  });

  it("costs the same for an unknown address as for a known one with a wrong password", async () => {
    const user = await createUser();
    await db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword("right-password-2", owaspCost) },
    });
    // Alternated, three of each, compared by their medians: one slow moment of a busy machine is not a verdict.
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 3; round++) {
      const wrong = await signIn(user.email, "wrong-password", "203.0.113.8");
      const nobody = await signIn(`nobody-${round}-${Date.now()}@example.com`, "wrong-password", "203.0.113.8");
      expect(wrong.location).toContain("error=CredentialsSignin");
      expect(nobody.location).toContain("error=CredentialsSignin");
      known.push(wrong.ms);
      unknown.push(nobody.ms);
    }
    const median = (times: number[]) => times.toSorted((a, b) => a - b)[1]!;
    // Both run scrypt at OWASP's cost (the suite's own hashes are cheaper); without the dummy hash
    // the unknown address answers in a few ms.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });
});

describe("magic links from Auth.js's own endpoint", () => {
  it("answer 429 with Retry-After once the address is over its limit", async () => {
    const email = `link-${Date.now()}@example.com`;
    const [addressLimit] = authLimits.magicLink(email, "x");
    const windowStart = new Date();
    await db.authRateLimit.create({ data: { key: addressLimit!.key, windowStart, count: addressLimit!.limit } });
    const { csrfToken, cookie } = await csrf("198.51.100.9");
    const response = await route.POST(
      new NextRequest(`${origin}/api/auth/signin/email`, {
        method: "POST",
        headers: { ...form, cookie, "x-forwarded-for": "198.51.100.9" },
        body: new URLSearchParams({ csrfToken, email }),
      }),
    );
    expect(response.status).toBe(429);
    // Until the address's hour-long window, opened just now, is over.
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(retryAfter).toBeGreaterThanOrEqual(
      Math.floor((windowStart.getTime() + addressLimit!.windowMs - Date.now()) / 1000),
    );
    expect(await response.json()).toEqual({
      error: {
        code: "rate_limited",
        message: "Too many attempts. Try again in 60 minutes.",
        details: { retryAfterSeconds: retryAfter },
      },
    });
  });
});
