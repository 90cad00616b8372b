import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  authenticateToken,
  createTokenAuthenticator,
  lastUsedResolutionMs,
  tokenCacheTtlMs,
} from "@/lib/tokens/authenticate";
import { revokeToken } from "@/lib/tokens/tokens";
import { createApiToken, createOrg } from "@/test/factories";

let orgId: string;

beforeAll(async () => {
  orgId = (await createOrg()).org.id;
});

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const lastUsedAt = async (tokenId: string) =>
  (await db.apiToken.findUniqueOrThrow({ where: { id: tokenId }, select: { lastUsedAt: true } })).lastUsedAt;

describe("token authentication", () => {
  it("refuses a token at once in the instance that revokes it, although its row was cached", async () => {
    const { row, token } = await createApiToken(orgId, ["events:write"]);
    expect((await authenticateToken(token))?.id).toBe(row.id);
    await revokeToken(orgId, { type: "system", label: "test" }, row.id);
    expect(await authenticateToken(token)).toBeNull();
  });

  it("serves a cached row for at most the TTL, so a revocation elsewhere takes effect within 5 s", async () => {
    const clock = manualClock();
    const authenticator = createTokenAuthenticator(clock.now);
    const { row, token } = await createApiToken(orgId, ["events:write"]);
    expect((await authenticator.authenticate(token))?.id).toBe(row.id);
    // Another instance revokes it: nothing tells this one.
    await db.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    clock.advance(tokenCacheTtlMs - 1);
    expect((await authenticator.authenticate(token))?.id).toBe(row.id);
    clock.advance(1);
    expect(await authenticator.authenticate(token)).toBeNull();
    expect(tokenCacheTtlMs).toBeLessThanOrEqual(5_000);
  });

  it("refuses an expired token from the cache without reading it again", async () => {
    const clock = manualClock();
    const authenticator = createTokenAuthenticator(clock.now);
    const { row, token } = await createApiToken(orgId, ["events:write"], { expiresAt: new Date(clock.now() + 1_000) });
    expect((await authenticator.authenticate(token))?.id).toBe(row.id);
    clock.advance(1_000);
    expect(await authenticator.authenticate(token)).toBeNull();
  });

  it("writes lastUsedAt at most once a minute per token", async () => {
    const clock = manualClock();
    const authenticator = createTokenAuthenticator(clock.now);
    const { row, token } = await createApiToken(orgId, ["events:write"]);
    const first = clock.now();
    await authenticator.authenticate(token);
    expect((await lastUsedAt(row.id))?.getTime()).toBe(first);
    for (const step of [1_000, 20_000, lastUsedResolutionMs - 21_001]) {
      clock.advance(step);
      await authenticator.authenticate(token);
      expect((await lastUsedAt(row.id))?.getTime()).toBe(first);
    }
    clock.advance(1);
    await authenticator.authenticate(token);
    expect((await lastUsedAt(row.id))?.getTime()).toBe(first + lastUsedResolutionMs);
  });

  it("refuses unknown and malformed tokens", async () => {
    expect(await authenticateToken("not-a-token")).toBeNull();
    expect(await authenticateToken(`whk_${"x".repeat(40)}`)).toBeNull();
  });
});
