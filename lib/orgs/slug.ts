import "server-only";
import { randomBytes } from "node:crypto";

/** "Acme Corp!" → "acme-corp-3f9a0c1d": readable, URL-safe, and 32 random bits from a collision. */
export function slugFor(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  const suffix = randomBytes(4).toString("hex");
  return `${base || "org"}-${suffix}`;
}
