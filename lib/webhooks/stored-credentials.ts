import "server-only";
import { decryptSecret, encryptOptional } from "@/lib/crypto/secrets";
import { looksSecret } from "@/lib/wire/mask-headers";
import { splitCredentials } from "@/lib/webhooks/target-url";

/**
 * The write-only parts of a webhook besides its secret and token: secret extra headers and each
 * follow-up URL's `user:password@`. Stored encrypted as JSON; decrypted only here and for sending.
 */
export interface WebhookCredentials {
  /** Secret extra headers, by name. */
  secretHeaders: Record<string, string>;
  /** For each follow-up URL (without credentials), its own "user:password", or null. */
  followUps: Array<{ url: string; basicAuth: string | null }>;
}

interface StoredColumns {
  headers: unknown;
  secretHeadersEncrypted: string | null;
  followUpUrls: string[];
  followUpCredentialsEncrypted: string | null;
}

const decryptJson = <T>(value: string | null, fallback: T): T =>
  value ? (JSON.parse(decryptSecret(value)) as T) : fallback;

/**
 * What is stored, read back. Rows saved before these columns existed kept credential-like headers
 * among the plain ones and credentials inside follow-up URLs; both count as secret from now on.
 */
export function readCredentials(row: StoredColumns): WebhookCredentials {
  const plain = (row.headers ?? {}) as Record<string, string>;
  const legacyHeaders = Object.fromEntries(Object.entries(plain).filter(([name]) => looksSecret(name)));
  const stored = decryptJson<Array<string | null>>(row.followUpCredentialsEncrypted, []);
  return {
    secretHeaders: { ...legacyHeaders, ...decryptJson<Record<string, string>>(row.secretHeadersEncrypted, {}) },
    followUps: row.followUpUrls.map((raw, index) => {
      const { url, basicAuth } = splitCredentials(raw);
      return { url, basicAuth: stored[index] ?? basicAuth };
    }),
  };
}

/** Plain headers only: those whose name looks like a credential are never stored or shown as plain. */
export function plainHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !looksSecret(name)));
}

/**
 * The credential columns for a save. Credential-like names in `headers` become secret headers;
 * `secretHeaders` sets (string) or removes (null) by name; every other stored one is kept. A
 * follow-up URL with `user:password@` sets its credentials; one sent back without them, as the API
 * shows it, keeps the stored ones.
 */
export function credentialColumns(
  input: { headers: Record<string, string>; secretHeaders?: Record<string, string | null>; followUpUrls: string[] },
  stored: WebhookCredentials | null,
) {
  const secretHeaders: Record<string, string> = { ...(stored?.secretHeaders ?? {}) };
  for (const [name, value] of Object.entries(input.headers)) if (looksSecret(name)) secretHeaders[name] = value;
  for (const [name, value] of Object.entries(input.secretHeaders ?? {})) {
    if (value === null) delete secretHeaders[name];
    else secretHeaders[name] = value;
  }
  const followUps = input.followUpUrls.map((raw) => {
    const { url, basicAuth } = splitCredentials(raw);
    return {
      url,
      basicAuth: basicAuth ?? stored?.followUps.find((followUp) => followUp.url === url)?.basicAuth ?? null,
    };
  });
  return {
    headers: plainHeaders(input.headers),
    secretHeaderNames: Object.keys(secretHeaders),
    followUpUrls: followUps.map((followUp) => followUp.url),
    columns: {
      secretHeadersEncrypted: encryptOptional(
        Object.keys(secretHeaders).length > 0 ? JSON.stringify(secretHeaders) : null,
      ),
      followUpCredentialsEncrypted: encryptOptional(
        followUps.some((followUp) => followUp.basicAuth)
          ? JSON.stringify(followUps.map((followUp) => followUp.basicAuth))
          : null,
      ),
    },
  };
}
