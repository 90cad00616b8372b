import { z } from "zod";
import { tokenScopes } from "@/lib/auth/permissions";

export const createTokenInput = z.strictObject({
  name: z.string().trim().min(1, "Give the token a name.").max(100),
  scopes: z.array(z.enum(tokenScopes)).min(1, "Choose at least one scope.").max(tokenScopes.length),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});

export type CreateTokenInput = z.infer<typeof createTokenInput>;

export const tokenOutput = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export type TokenOutput = z.infer<typeof tokenOutput>;
