import "server-only";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

type Cost = Required<Pick<ScryptOptions, "N" | "r" | "p">>;

/** scrypt (memory-hard, built into Node) at OWASP's recommended cost. */
export const owaspCost: Cost = { N: 2 ** 17, r: 8, p: 1 };
const maxmem = 256 * 1024 * 1024;
const keyLength = 32;

/**
 * The cost new hashes get: OWASP's, except in the test suite (NODE_ENV=test, as vitest sets it),
 * where it is 128 times lower, as Devise's and Django's test settings do. Those tests check who may
 * sign in, not how long a hash takes; a hash names its cost, so verifying works at either.
 */
export function passwordCost(env: { NODE_ENV?: string } = process.env): Cost {
  return env.NODE_ENV === "test" ? { ...owaspCost, N: 2 ** 10 } : owaspCost;
}

/**
 * A well-formed hash nobody's password matches, at OWASP's cost: an unknown address costs the same
 * scrypt work as a known one, so the time of the answer does not tell which addresses have accounts.
 */
export const unknownUserHash = "scrypt$131072$8$1$Kwew96XZLNM7nXuwyGnb7A$2foIHxsS_Tb-mDT0hf-DcX9Cnd6N6pnJIlL9RGudxTc";

function derive(password: string, salt: Buffer, cost: Cost): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, keyLength, { ...cost, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Returns `scrypt$N$r$p$salt$hash` (base64url), self-describing so the cost can be raised later. */
export async function hashPassword(password: string, cost = passwordCost()): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, n, r, p, salt, hash] = stored.split("$");
  if (algorithm !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
