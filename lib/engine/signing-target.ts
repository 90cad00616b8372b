import "server-only";
import type { Webhook } from "@/generated/prisma/client";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db";
import { plainHeaders, readCredentials } from "@/lib/webhooks/stored-credentials";

/** A webhook with its write-only settings decrypted: what a request to it needs. Never leaves the server. */
export interface SigningTarget {
  webhook: Webhook;
  secrets: string[];
  token: string | null;
  basicAuth: { username: string; password: string } | null;
  /** Names of the extra headers (in webhook.headers, decrypted) that are secret: masked in attempts, never sent to follow-ups. */
  secretHeaderNames?: string[];
  /** Each follow-up URL's own Basic auth, parallel to webhook.followUpUrls (which hold no credentials). */
  followUpBasicAuth?: Array<{ username: string; password: string } | null>;
}

const withSecrets = {
  secretEncrypted: false,
  previousSecretEncrypted: false,
  tokenEncrypted: false,
  basicAuthEncrypted: false,
  secretHeadersEncrypted: false,
  followUpCredentialsEncrypted: false,
} as const;

/** "user:password" (as stored) into Basic auth's two parts; the password may contain colons. */
export function splitBasicAuth(value: string) {
  const colon = value.indexOf(":");
  return { username: value.slice(0, colon), password: value.slice(colon + 1) };
}

export function toSigningTarget(webhook: Webhook, now = new Date()): SigningTarget {
  // During a rotation the previous secret still signs, so receivers can switch without a gap.
  const previousValid =
    webhook.previousSecretEncrypted && webhook.previousSecretExpiresAt && webhook.previousSecretExpiresAt > now;
  const secrets = [webhook.secretEncrypted, previousValid ? webhook.previousSecretEncrypted : null]
    .filter((value): value is string => value !== null)
    .map((value) => decryptSecret(value));
  const credentials = readCredentials(webhook);
  return {
    webhook: {
      ...webhook,
      headers: { ...plainHeaders(webhook.headers as Record<string, string>), ...credentials.secretHeaders },
      followUpUrls: credentials.followUps.map((followUp) => followUp.url),
    },
    secretHeaderNames: Object.keys(credentials.secretHeaders),
    followUpBasicAuth: credentials.followUps.map((followUp) =>
      followUp.basicAuth ? splitBasicAuth(followUp.basicAuth) : null,
    ),
    secrets,
    token: webhook.tokenEncrypted ? decryptSecret(webhook.tokenEncrypted) : null,
    basicAuth: webhook.basicAuthEncrypted ? splitBasicAuth(decryptSecret(webhook.basicAuthEncrypted)) : null,
  };
}

export async function loadSigningTarget(orgId: string, webhookId: string): Promise<SigningTarget | null> {
  const webhook = await db.webhook.findFirst({ where: { id: webhookId, orgId }, omit: withSecrets });
  return webhook ? toSigningTarget(webhook) : null;
}
