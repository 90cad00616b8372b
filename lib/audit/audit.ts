import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditAction, AuditTargetType } from "@/lib/audit/catalog";
import { db } from "@/lib/db";

/** The app client or a transaction: anything that can insert an audit row. */
type AuditWriter = { auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): PromiseLike<unknown> } };

/** Who did something: a signed-in member, an API token, or the hub itself. */
export type Actor =
  | { type: "member"; userId: string; memberId: string; label: string }
  | { type: "token"; tokenId: string; label: string }
  | { type: "system"; label: string };

export function actorId(actor: Actor): string | null {
  if (actor.type === "member") return actor.userId;
  if (actor.type === "token") return actor.tokenId;
  return null;
}

/**
 * Appends to the org's audit log, inside the caller's transaction when one is given. Metadata must
 * never hold secrets: callers pass names, not values. An update records what it changed as
 * `changes` (`changedFields` in lib/audit/changes.ts), secrets as changed without their values.
 */
export async function recordAudit(
  orgId: string,
  actor: Actor,
  action: AuditAction,
  target: { type: AuditTargetType; id: string | null },
  metadata: Prisma.InputJsonObject = {},
  client: AuditWriter = db,
) {
  await client.auditLog.create({
    data: {
      orgId,
      actorType: actor.type,
      actorId: actorId(actor),
      actorLabel: actor.label,
      action,
      targetType: target.type,
      targetId: target.id,
      metadata,
    },
  });
}
