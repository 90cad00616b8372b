import { queryOptions } from "@tanstack/react-query";
import { apiFetch, type Json } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import type { CreateTokenInput, TokenOutput } from "@/lib/tokens/schemas";

export type Token = Json<TokenOutput>;
export type TokenStatus = "active" | "revoked" | "expired";

export const tokenKeys = {
  all: (org: OrgRef) => [org.id, "tokens"] as const,
};

export function tokensQuery(org: OrgRef) {
  return queryOptions({
    queryKey: tokenKeys.all(org),
    queryFn: () => apiFetch<{ data: Token[] }>(org.slug, "tokens"),
  });
}

export function tokenStatus(token: Token, now = Date.now()): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return "expired";
  return "active";
}

export const tokenMutations = {
  create: (org: OrgRef, input: CreateTokenInput) =>
    apiFetch<{ token: Token; secret: string }>(org.slug, "tokens", { method: "POST", body: input }),
  revoke: (org: OrgRef, id: string) => apiFetch<Token>(org.slug, `tokens/${id}`, { method: "DELETE" }),
};
