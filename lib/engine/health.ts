import type { SqlClient } from "@/lib/sql";
import { utc } from "@/lib/utc";

export type HealthSignal =
  | { kind: "failing"; webhookId: string; failingSince: string }
  | { kind: "recovered"; webhookId: string }
  | { kind: "disabled"; webhookId: string; reason: string };

export type Verdict = { kind: "success" } | { kind: "failure"; reason: string } | { kind: "disable"; reason: string };

/**
 * Moves a webhook between active, failing and disabled after an attempt, and says what changed so
 * the caller can start or cancel the escalation clock and email the owner. Conditional updates keep
 * two attempts finishing at once from both claiming the same transition. Raw SQL: a round of the
 * engine ends here, so it runs on the hot path's client (and on a Prisma transaction alike).
 */
export async function applyVerdict(
  tx: SqlClient,
  webhookId: string,
  verdict: Verdict,
  now = new Date(),
): Promise<HealthSignal | null> {
  const at = utc(now);
  if (verdict.kind === "success") {
    // At most once a second, and never waiting for the row: a publish fanning out to this webhook
    // holds it until its commit, and a round would stall behind it for a time stamp the next round writes.
    await tx.$executeRaw`
      UPDATE "Webhook" SET "lastDeliveryAt" = ${at}::timestamp, "updatedAt" = ${at}::timestamp
      WHERE id = (SELECT id FROM "Webhook" WHERE id = ${webhookId}
                    AND ("lastDeliveryAt" IS NULL OR "lastDeliveryAt" < ${utc(new Date(now.getTime() - 1000))}::timestamp)
                  FOR NO KEY UPDATE SKIP LOCKED)`;
    const recovered = await tx.$executeRaw`
      UPDATE "Webhook" SET status = 'active', "failingSince" = NULL, "statusReason" = NULL, "updatedAt" = ${at}::timestamp
      WHERE id = ${webhookId} AND status = 'failing'`;
    return recovered > 0 ? { kind: "recovered", webhookId } : null;
  }
  if (verdict.kind === "disable") {
    const disabled = await tx.$executeRaw`
      UPDATE "Webhook" SET status = 'disabled', "disabledAt" = ${at}::timestamp, "failingSince" = NULL,
        "statusReason" = ${verdict.reason}, "updatedAt" = ${at}::timestamp
      WHERE id = ${webhookId} AND status IN ('active', 'failing', 'pending')`;
    return disabled > 0 ? { kind: "disabled", webhookId, reason: verdict.reason } : null;
  }
  await tx.$executeRaw`
    UPDATE "Webhook" SET "statusReason" = ${verdict.reason}, "updatedAt" = ${at}::timestamp
    WHERE id = ${webhookId} AND status = 'failing'`;
  const failing = await tx.$executeRaw`
    UPDATE "Webhook" SET status = 'failing', "failingSince" = ${at}::timestamp, "statusReason" = ${verdict.reason}, "updatedAt" = ${at}::timestamp
    WHERE id = ${webhookId} AND status = 'active'`;
  return failing > 0 ? { kind: "failing", webhookId, failingSince: now.toISOString() } : null;
}
