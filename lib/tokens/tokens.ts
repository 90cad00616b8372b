import "server-only";
import { db } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { notFound } from "@/lib/http/errors";
import { forgetToken } from "@/lib/tokens/authenticate";
import { generateTokenSecret } from "@/lib/tokens/token-secret";
import { tokenOutput, type CreateTokenInput, type TokenOutput } from "@/lib/tokens/schemas";

const dayMs = 24 * 60 * 60 * 1000;

export async function listTokens(orgId: string): Promise<TokenOutput[]> {
  const rows = await db.apiToken.findMany({ where: { orgId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map((row) => tokenOutput.parse(row));
}

/** Creates a token and returns it with its secret; the secret is never retrievable again. */
export async function createToken(orgId: string, actor: Actor, input: CreateTokenInput) {
  const secret = generateTokenSecret();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        orgId,
        name: input.name,
        scopes: input.scopes,
        prefix: secret.prefix,
        tokenHash: secret.tokenHash,
        createdById: actor.type === "member" ? actor.userId : null,
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * dayMs) : null,
      },
    });
    await recordAudit(
      orgId,
      actor,
      "token.created",
      { type: "api_token", id: created.id },
      { name: created.name, scopes: created.scopes },
      tx,
    );
    return created;
  });
  return { token: tokenOutput.parse(row), secret: secret.token };
}

export async function revokeToken(orgId: string, actor: Actor, tokenId: string): Promise<TokenOutput> {
  const row = await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, orgId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const revoked = await tx.apiToken.findFirst({ where: { id: tokenId, orgId } });
    if (!revoked) throw notFound("Token");
    if (count > 0)
      await recordAudit(
        orgId,
        actor,
        "token.revoked",
        { type: "api_token", id: revoked.id },
        { name: revoked.name },
        tx,
      );
    return revoked;
  });
  forgetToken(tokenId);
  return tokenOutput.parse(row);
}
