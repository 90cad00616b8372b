import { randomBytes } from "node:crypto";

/** "Acme Corp!" → "acme-corp-x7k2": readable, URL-safe, and unique enough to rarely need a retry. */
export function slugFor(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  const suffix = randomBytes(3).toString("hex").slice(0, 4);
  return `${base || "org"}-${suffix}`;
}
