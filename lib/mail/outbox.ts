import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { pageArgs, toPage, type PaginationQuery } from "@/lib/http/pagination";

export const emailOutput = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(["queued", "sent", "failed"]),
  error: z.string().nullable(),
  sentAt: z.date().nullable(),
  createdAt: z.date(),
});

export type EmailOutput = z.infer<typeof emailOutput>;

export async function listEmails(orgId: string, query: PaginationQuery) {
  const rows = await db.email.findMany(pageArgs(orgId, query, { orgId }));
  const page = toPage(orgId, rows, query.limit);
  return { ...page, data: page.data.map((row) => emailOutput.parse(row)) };
}
