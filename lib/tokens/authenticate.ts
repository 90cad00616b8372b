import "server-only";
import { db } from "@/lib/db";
import { TtlCache, type Clock } from "@/lib/cache/ttl-cache";
import { logger } from "@/lib/observability/logger";
import { hashToken, looksLikeToken } from "@/lib/tokens/token-secret";

// Revocation in another instance is seen within this long: every cached token row is re-read after it.
export const tokenCacheTtlMs = 5_000;
// Writing lastUsedAt on every request would turn each API call into a write; once a minute is enough.
export const lastUsedResolutionMs = 60_000;
const maxCachedTokens = 10_000;

async function loadToken(tokenHash: string) {
  return db.apiToken.findUnique({ where: { tokenHash }, include: { org: true } });
}

export type AuthenticatedToken = NonNullable<Awaited<ReturnType<typeof loadToken>>>;

/**
 * Resolves bearer tokens to their rows through a short-lived in-process cache. `now` is
 * injectable so the revocation bound and the lastUsedAt cadence can be tested without waiting.
 */
export function createTokenAuthenticator(now: Clock = Date.now) {
  const rows = new TtlCache<string, AuthenticatedToken | null>(tokenCacheTtlMs, maxCachedTokens, now);
  const lastWritten = new Map<string, number>();

  async function touch(row: AuthenticatedToken, at: number) {
    const written = lastWritten.get(row.id) ?? row.lastUsedAt?.getTime() ?? -Infinity;
    if (at - written < lastUsedResolutionMs) return;
    lastWritten.set(row.id, at);
    if (lastWritten.size > maxCachedTokens) lastWritten.delete(lastWritten.keys().next().value!);
    // Conditional, so instances sharing a token write its row once a minute between them.
    await db.apiToken.updateMany({
      where: {
        id: row.id,
        orgId: row.orgId,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(at - lastUsedResolutionMs) } }],
      },
      data: { lastUsedAt: new Date(at) },
    });
  }

  return {
    /** The token's live row, or null for anything unknown, revoked or expired. */
    async authenticate(token: string): Promise<AuthenticatedToken | null> {
      if (!looksLikeToken(token)) return null;
      const row = await rows.getOrLoad(hashToken(token), () => loadToken(hashToken(token)));
      const at = now();
      if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= at)) return null;
      try {
        await touch(row, at);
      } catch (error) {
        logger.warn({ err: error, tokenId: row.id }, "Could not record when the token was last used");
      }
      return row;
    },
    /** Drops a token at once in this instance; other instances see the change within the TTL. */
    forget(tokenId: string) {
      rows.deleteWhere((_, row) => row?.id === tokenId);
    },
  };
}

const authenticator = createTokenAuthenticator();

export const authenticateToken = (token: string) => authenticator.authenticate(token);
export const forgetToken = (tokenId: string) => authenticator.forget(tokenId);
