import "server-only";
import { createHash, randomBytes } from "node:crypto";

const tokenPrefix = "whk_";
// How much of the token is kept readable in the database and the UI.
const visibleLength = tokenPrefix.length + 8;

export interface NewTokenSecret {
  token: string;
  prefix: string;
  tokenHash: string;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeToken(value: string): boolean {
  return value.startsWith(tokenPrefix) && value.length > visibleLength && value.length < 200;
}

/** A 256-bit random token; only its SHA-256 is stored, and its first characters for display. */
export function generateTokenSecret(): NewTokenSecret {
  const token = tokenPrefix + randomBytes(32).toString("base64url");
  return { token, prefix: token.slice(0, visibleLength), tokenHash: hashToken(token) };
}
