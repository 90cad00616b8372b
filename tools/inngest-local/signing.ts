import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Request signing as Inngest does it (inngest 4.24: helpers/net.ts `signDataWithKey`,
 * InngestCommHandler `RequestSignature`, helpers/strings.ts `hashSigningKey`). Calls to the serve
 * endpoint carry `X-Inngest-Signature: t=<unix seconds>&s=<hex HMAC-SHA256>` over the body's
 * canonical JSON followed by t; the SDK signs its answers the same way over the body as sent.
 */

const signingKeyPrefix = /^signkey-\w+-/;
// The SDK refuses a signature more than five minutes off its own wall clock.
const maxSkewMs = 5 * 60_000;

/** `signkey-<env>-<hex>`: the SDK hex-decodes what follows the prefix to derive the registration bearer. */
export const generateSigningKey = () => `signkey-local-${randomBytes(32).toString("hex")}`;
export const generateEventKey = () => randomBytes(32).toString("base64url");

const withoutPrefix = (signingKey: string) => signingKey.replace(signingKeyPrefix, "");

/** The bearer the SDK sends to `/fn/register`: the prefix, then SHA-256 of the hex-decoded key. */
export function registrationBearer(signingKey: string): string {
  const prefix = signingKeyPrefix.exec(signingKey)?.[0] ?? "";
  return `${prefix}${createHash("sha256")
    .update(Buffer.from(withoutPrefix(signingKey), "hex"))
    .digest("hex")}`;
}

/**
 * JSON with object keys sorted by code unit at every level (the `canonicalize` package the SDK
 * verifies with). JSON.stringify alone would not do: it puts integer-like keys first.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object" || typeof (value as { toJSON?: unknown }).toJSON === "function")
    return JSON.stringify(value) ?? "null";
  if (Array.isArray(value))
    return `[${value.map((item: unknown) => canonicalJson(item === undefined ? null : item)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined && typeof item !== "function" && typeof item !== "symbol")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

function hmac(signingKey: string, text: string, timestamp: string): string {
  return createHmac("sha256", withoutPrefix(signingKey)).update(text).update(timestamp).digest("hex");
}

/** The X-Inngest-Signature header for a body (sent exactly as given), at the wall-clock time `nowMs`. */
export function signatureHeader(body: string, signingKey: string, nowMs = Date.now()): string {
  const timestamp = String(Math.round(nowMs / 1000));
  return `t=${timestamp}&s=${hmac(signingKey, body, timestamp)}`;
}

export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Whether an X-Inngest-Signature header signs this body with this key, within five minutes of `nowMs`. */
export function hasValidSignature(
  header: string | null,
  body: string,
  signingKey: string,
  nowMs = Date.now(),
): boolean {
  if (!header) return false;
  const params = new URLSearchParams(header);
  const timestamp = params.get("t");
  const signature = params.get("s");
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowMs - Number(timestamp) * 1000) > maxSkewMs) return false;
  return sameSecret(signature, hmac(signingKey, body, timestamp));
}
