import type { Prisma } from "@/generated/prisma/client";

export type HealthSignal =
  | { kind: "failing"; webhookId: string; failingSince: string }
  | { kind: "recovered"; webhookId: string }
  | { kind: "disabled"; webhookId: string; reason: string };

export type Verdict = { kind: "success" } | { kind: "failure"; reason: string } | { kind: "disable"; reason: string };

/**
 * Moves a webhook between active, failing and disabled after an attempt, and says what changed so
 * the caller can start or cancel the escalation clock and email the owner. Conditional updates keep
 * two attempts finishing at once from both claiming the same transition.
 */
export async function applyVerdict(
  tx: Prisma.TransactionClient,
  webhookId: string,
  verdict: Verdict,
  now = new Date(),
): Promise<HealthSignal | null> {
  if (verdict.kind === "success") {
    // At most once a second: concurrent deliveries to one webhook would otherwise queue on its row.
    await tx.webhook.updateMany({
      where: {
        id: webhookId,
        OR: [{ lastDeliveryAt: null }, { lastDeliveryAt: { lt: new Date(now.getTime() - 1000) } }],
      },
      data: { lastDeliveryAt: now },
    });
    const { count } = await tx.webhook.updateMany({
      where: { id: webhookId, status: "failing" },
      data: { status: "active", failingSince: null, statusReason: null },
    });
    return count > 0 ? { kind: "recovered", webhookId } : null;
  }
  if (verdict.kind === "disable") {
    const { count } = await tx.webhook.updateMany({
      where: { id: webhookId, status: { in: ["active", "failing", "pending"] } },
      data: { status: "disabled", disabledAt: now, failingSince: null, statusReason: verdict.reason },
    });
    return count > 0 ? { kind: "disabled", webhookId, reason: verdict.reason } : null;
  }
  await tx.webhook.updateMany({ where: { id: webhookId, status: "failing" }, data: { statusReason: verdict.reason } });
  const { count } = await tx.webhook.updateMany({
    where: { id: webhookId, status: "active" },
    data: { status: "failing", failingSince: now, statusReason: verdict.reason },
  });
  return count > 0 ? { kind: "failing", webhookId, failingSince: now.toISOString() } : null;
}
