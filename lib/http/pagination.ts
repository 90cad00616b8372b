import { z } from "zod";

export const paginationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  // Cursors are the ids the API hands out (type prefix + 32 hex digits).
  cursor: z.string().regex(/^[a-z]{2,4}_[0-9a-f]{32}$/, "Use the nextCursor value from the previous page.").optional(),
});

export type PaginationQuery = z.infer<typeof paginationQuery>;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/**
 * Keyset pagination over rows ordered newest first by (createdAt, id). The query asks for one
 * row more than the limit; its presence means there is a next page.
 */
export function pageArgs({ limit, cursor }: PaginationQuery) {
  return {
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
  };
}

export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  return { data, nextCursor: hasMore ? (data[data.length - 1]?.id ?? null) : null };
}
