import { db } from "@/lib/db";

/**
 * When a delivery's run itself fails (the database was unreachable through every step retry),
 * the delivery must not look in flight forever: it becomes failed, and "recover" can resend it.
 */
export async function abandonDelivery(deliveryId: string): Promise<void> {
  await db.delivery.updateMany({ where: { id: deliveryId, status: { in: ["pending", "sending", "retrying"] } }, data: { status: "failed", nextAttemptAt: null } });
}
