// Any origin will do: paths are resolved against it only to see where a browser would end up.
const probeOrigin = "http://callback.invalid";
// Control characters (tab, CR, LF… which browsers strip or refuse) and backslashes (which they
// read as slashes) turn an innocent-looking path into another host: "/\t/evil.example" is "//evil.example".
const unsafeCharacters = /[\u0000-\u001f\u007f\\]/;

/**
 * Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. The value is
 * normalised the way a browser would read it; anything that is not a plain path on this site,
 * after that, becomes "/".
 */
export function safeCallback(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return "/";
  if (unsafeCharacters.test(value) || !value.isWellFormed()) return "/";
  let url: URL;
  try {
    url = new URL(value, probeOrigin);
  } catch {
    return "/";
  }
  if (url.origin !== probeOrigin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? "/" : path;
}

/** Auth.js's redirect callback: same-origin targets keep their (safe) path; everything else goes home. */
export function safeAuthRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
  return `${baseUrl}${safeCallback(path)}`;
}

/** The invitation token in a callback to an invitation page (`/invite/<token>`), if it is one. */
export function invitationTokenFromCallback(callback: string): string | undefined {
  const encoded = /^\/invite\/([^/?#]+)$/.exec(callback)?.[1];
  if (!encoded) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
