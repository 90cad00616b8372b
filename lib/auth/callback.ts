/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeCallback(value: unknown): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}
