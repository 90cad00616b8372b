const mask = "••••";

// Named exactly: the headers the hub itself puts secrets or signatures in.
const secretHeaders = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "x-codescoring-authentication",
  "webhook-signature",
  "x-deepsource-signature",
  "x-sonar-webhook-hmac-sha256",
]);
// And any extra header whose name suggests it carries one.
const secretLikeName = /secret|token|key|auth|sign|hmac|pass|credential|session|cookie/i;

/** Whether a header's name says its value is a credential (X-Api-Key, X-Auth-Token, Cookie…): such values are write-only and masked. */
export function looksSecret(name: string): boolean {
  const lower = name.toLowerCase();
  return secretHeaders.has(lower) || secretLikeName.test(lower);
}

/** Keeps what says how the value was made, never the value: "Bearer ••••", "v1,•••• v1,••••". */
function maskValue(name: string, value: string): string {
  if (name === "authorization" || name === "proxy-authorization") {
    const scheme = value.match(/^([A-Za-z][\w.-]*) /)?.[1];
    return scheme ? `${scheme} ${mask}` : mask;
  }
  if (name === "webhook-signature") {
    return value
      .split(" ")
      .map((entry) => (entry.includes(",") ? `${entry.slice(0, entry.indexOf(",") + 1)}${mask}` : mask))
      .join(" ");
  }
  return mask;
}

/** A request's headers as an attempt stores them: secret values (also those `alsoSecret` names) masked, everything else as sent. */
export function maskHeaders(
  headers: Record<string, string>,
  alsoSecret: readonly string[] = [],
): Record<string, string> {
  const marked = new Set(alsoSecret.map((name) => name.toLowerCase()));
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const lower = name.toLowerCase();
      return [name, looksSecret(lower) || marked.has(lower) ? maskValue(lower, value) : value];
    }),
  );
}
