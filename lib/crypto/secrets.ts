import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Secrets at rest (webhook signing secrets, tokens, basic-auth credentials): AES-256-GCM under a
 * key ring. Ciphertexts name their key, so the ring can gain a new key (listed first, used for
 * new writes) while old rows still decrypt. Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url).
 */

interface KeyRing {
  current: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
}

let ring: KeyRing | null = null;

/** `SECRETS_KEYS="k2:<base64 32 bytes>,k1:<base64 32 bytes>"`; the first key encrypts. */
export function parseKeyRing(value: string): KeyRing {
  const entries = value.split(",").map((part) => {
    const [id, encoded] = part.trim().split(":");
    const key = Buffer.from(encoded ?? "", "base64");
    if (!id || !/^[A-Za-z0-9_-]+$/.test(id) || key.length !== 32) {
      throw new Error("SECRETS_KEYS must be a comma-separated list of <id>:<base64 of 32 bytes>.");
    }
    return { id, key };
  });
  const [current] = entries;
  if (!current) throw new Error("SECRETS_KEYS is empty.");
  return { current, byId: new Map(entries.map((entry) => [entry.id, entry.key])) };
}

function keyRing(): KeyRing {
  if (!env.SECRETS_KEYS) throw new Error("SECRETS_KEYS is not configured; the hub cannot store secrets.");
  ring ??= parseKeyRing(env.SECRETS_KEYS);
  return ring;
}

export function encryptSecret(plaintext: string, keys: KeyRing = keyRing()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.current.key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    "v1",
    keys.current.id,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

export function decryptSecret(stored: string, keys: KeyRing = keyRing()): string {
  const [version, keyId, iv, tag, ciphertext] = stored.split(".");
  const key = keyId ? keys.byId.get(keyId) : undefined;
  if (version !== "v1" || !key || !iv || !tag || ciphertext === undefined)
    throw new Error("Unreadable secret: unknown format or key.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** A null-safe pair for optional columns. */
export const encryptOptional = (value: string | null | undefined) => (value ? encryptSecret(value) : null);

/** Generates a key-ring entry for SECRETS_KEYS. */
export function newKeyRingEntry(id: string): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}
