/**
 * Splits `https://user:password@host/path` into the URL without credentials (stored and shown)
 * and the credentials (sent as HTTP Basic auth, stored encrypted, never shown back), as SonarQube does.
 */
export function splitCredentials(raw: string): { url: string; basicAuth: string | null } {
  const parsed = new URL(raw);
  const basicAuth =
    parsed.username || parsed.password
      ? `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`
      : null;
  parsed.username = "";
  parsed.password = "";
  return { url: parsed.toString(), basicAuth };
}

/** False when `user:password@` holds a broken percent-escape (`%zz`), which no receiver could decode either. */
export function credentialsDecode(raw: string): boolean {
  const parsed = new URL(raw);
  try {
    decodeURIComponent(parsed.username);
    decodeURIComponent(parsed.password);
    return true;
  } catch {
    return false;
  }
}
