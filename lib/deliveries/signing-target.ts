import type { Webhook } from "@/generated/prisma/client";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db";

/** A webhook with its write-only settings decrypted: what a request to it needs. Never leaves the server. */
export interface SigningTarget {
  webhook: Webhook;
  secrets: string[];
  token: string | null;
  basicAuth: { username: string; password: string } | null;
}

const withSecrets = { secretEncrypted: false, previousSecretEncrypted: false, tokenEncrypted: false, basicAuthEncrypted: false } as const;

/** "user:password" (as stored) into Basic auth's two parts; the password may contain colons. */
export function splitBasicAuth(value: string) {
  const colon = value.indexOf(":");
  return { username: value.slice(0, colon), password: value.slice(colon + 1) };
}

export function toSigningTarget(webhook: Webhook, now = new Date()): SigningTarget {
  // During a rotation the previous secret still signs, so receivers can switch without a gap.
  const previousValid = webhook.previousSecretEncrypted && webhook.previousSecretExpiresAt && webhook.previousSecretExpiresAt > now;
  const secrets = [webhook.secretEncrypted, previousValid ? webhook.previousSecretEncrypted : null]
    .filter((value): value is string => value !== null)
    .map((value) => decryptSecret(value));
  return {
    webhook,
    secrets,
    token: webhook.tokenEncrypted ? decryptSecret(webhook.tokenEncrypted) : null,
    basicAuth: webhook.basicAuthEncrypted ? splitBasicAuth(decryptSecret(webhook.basicAuthEncrypted)) : null,
  };
}

export async function loadSigningTarget(orgId: string, webhookId: string): Promise<SigningTarget | null> {
  const webhook = await db.webhook.findFirst({ where: { id: webhookId, orgId }, omit: withSecrets });
  return webhook ? toSigningTarget(webhook) : null;
}
