import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { auditActions, auditActorTypes, auditTargetTypes } from "@/lib/audit/catalog";
import { db } from "@/lib/db";
import { pageArgs, paginationQuery, toPage } from "@/lib/http/pagination";

export const auditEntryOutput = z.object({
  id: z.string(),
  actorType: z.enum(auditActorTypes),
  actorId: z
    .string()
    .nullable()
    .describe("The member's user id or the API token's id; null for the hub itself. Filter by it with `actorId`."),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  metadata: z
    .record(z.string(), z.unknown())
    .describe(
      "Details of the action. An update lists what it changed under `changes`: each field as `{ before, after }`, or `{ hidden: true }` for a secret, token or credential, whose values are never recorded.",
    ),
  createdAt: z.date(),
});

export type AuditEntryOutput = z.infer<typeof auditEntryOutput>;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Use an id as the API shows it, such as usr_… or tok_….");

/** The list's filters, each optional; together they narrow the list (AND). Pages keep the filters they were asked with. */
export const auditListQuery = paginationQuery
  .extend({
    actorType: z.enum(auditActorTypes).optional().describe("Only entries by members, API tokens or the hub itself."),
    actorId: id.optional().describe("Only entries by this member (their user id) or this API token (its id)."),
    targetType: z.enum(auditTargetTypes).optional().describe("Only entries about this kind of object."),
    targetId: id.optional().describe("Only entries about this object (a webhook's id, a project's id…)."),
    action: z.enum(auditActions).optional().describe("Only entries of this action."),
  })
  .refine((query) => !(query.actorType === "system" && query.actorId), {
    path: ["actorId"],
    message: "The hub acts without an id: leave actorId out when actorType is system.",
  });

export type AuditListQuery = z.infer<typeof auditListQuery>;

export async function listAuditLog(orgId: string, query: AuditListQuery) {
  const where: Prisma.AuditLogWhereInput = {
    orgId,
    ...(query.actorType ? { actorType: query.actorType } : {}),
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.action ? { action: query.action } : {}),
  };
  const rows = await db.auditLog.findMany(pageArgs(orgId, query, where));
  const page = toPage(orgId, rows, query.limit);
  return { ...page, data: page.data.map((row) => auditEntryOutput.parse(row)) };
}
