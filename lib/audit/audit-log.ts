import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { pageArgs, toPage, type PaginationQuery } from "@/lib/http/pagination";

export const auditEntryOutput = z.object({
  id: z.string(),
  actorType: z.enum(["member", "token", "system"]),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
});

export type AuditEntryOutput = z.infer<typeof auditEntryOutput>;

export async function listAuditLog(orgId: string, query: PaginationQuery) {
  const rows = await db.auditLog.findMany(pageArgs(orgId, query, { orgId }));
  const page = toPage(orgId, rows, query.limit);
  return { ...page, data: page.data.map((row) => auditEntryOutput.parse(row)) };
}
