import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

export const paginationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .max(256)
    .optional()
    .describe("The nextCursor value from the previous page; opaque, and valid only for this organization."),
});

export type PaginationQuery = z.infer<typeof paginationQuery>;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Where a page ends: the last row's place in the (createdAt DESC, id DESC) order. */
export interface Keyset {
  createdAt: Date;
  id: string;
}

// A key of its own, derived from AUTH_SECRET; without one (never in production, where Auth.js
// needs it) cursors are signed with a per-process key and do not outlive the process.
const cursorKey = env.AUTH_SECRET
  ? Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "", "webhook-hub list cursor", 32))
  : randomBytes(32);

function signature(orgId: string, payload: string): Buffer {
  return createHmac("sha256", cursorKey).update(`${orgId}\n${payload}`).digest().subarray(0, 16);
}

/** An opaque cursor for the page after `row`, signed for this org: no other org can use it, and nobody can forge one. */
export function encodeCursor(orgId: string, row: Keyset): string {
  const payload = Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
  return `${payload}.${signature(orgId, payload).toString("base64url")}`;
}

const badCursor = () =>
  new AppError("validation_failed", "The request is not valid.", [
    { path: "cursor", message: "Use the nextCursor value from the previous page." },
  ]);
const keysetPayload = z.tuple([z.iso.datetime(), z.string().min(1).max(64)]);

/** The keyset a cursor stands for; anything this org was not handed is a 422, whatever it holds. */
export function decodeCursor(orgId: string, cursor: string): Keyset {
  const [payload, mac, ...rest] = cursor.split(".");
  if (!payload || !mac || rest.length > 0) throw badCursor();
  const expected = signature(orgId, payload);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const keyset = keysetPayload.safeParse(parsed);
  if (!keyset.success) throw badCursor();
  return { createdAt: new Date(keyset.data[0]), id: keyset.data[1] };
}

/**
 * Keyset pagination over rows ordered newest first by (createdAt, id): the rows strictly after the
 * cursor's place, so a cursor row deleted meanwhile does not end the list. The query asks for one
 * row more than the limit; its presence means there is a next page.
 */
export function pageArgs<Where extends object>(orgId: string, { limit, cursor }: PaginationQuery, where: Where) {
  const after = cursor ? decodeCursor(orgId, cursor) : null;
  const keyset = after
    ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
    : {};
  return {
    where: { AND: [where, keyset] },
    take: limit + 1,
    orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
  };
}

export function toPage<T extends Keyset>(orgId: string, rows: T[], limit: number): Page<T> {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return { data, nextCursor: hasMore && last ? encodeCursor(orgId, last) : null };
}
