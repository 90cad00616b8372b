import "server-only";
import { createHmac, randomBytes } from "node:crypto";

const standardPrefix = "whsec_";
const strictBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A new Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
export function generateSecret(): string {
  return standardPrefix + randomBytes(24).toString("base64");
}

/**
 * The HMAC key of a Standard Webhooks secret: `whsec_<base64>` is decoded as the spec says; any
 * other string is used as its UTF-8 bytes (receivers verify with `{ format: "raw" }`). Null when a
 * `whsec_` secret is not valid base64 or the key would be empty.
 */
function standardKey(secret: string): Buffer | null {
  if (!secret.startsWith(standardPrefix)) return secret ? Buffer.from(secret, "utf8") : null;
  const encoded = secret.slice(standardPrefix.length);
  return encoded && strictBase64.test(encoded) ? Buffer.from(encoded, "base64") : null;
}

/**
 * The `webhook-signature` header of Standard Webhooks: `v1,<base64 HMAC-SHA256 of id.timestamp.body>`
 * for each usable secret, space-separated, so a receiver holding either secret of a rotation
 * verifies. Empty when no secret is usable.
 */
export function signStandard({
  secrets,
  msgId,
  timestamp,
  body,
}: {
  secrets: string[];
  msgId: string;
  timestamp: number;
  body: string;
}): string {
  const signed = `${msgId}.${timestamp}.${body}`;
  return secrets
    .map(standardKey)
    .filter((key): key is Buffer => key !== null)
    .map((key) => `v1,${createHmac("sha256", key).update(signed, "utf8").digest("base64")}`)
    .join(" ");
}

/** Lowercase hex HMAC-SHA256 of the raw body, as DeepSource and SonarQube sign. */
export function hmacSha256Hex(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}
