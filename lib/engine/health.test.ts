import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyVerdict } from "@/lib/engine/health";
import { sqlTransaction } from "@/lib/sql";
import { createActiveWebhook, createOrg } from "@/test/factories";
import { endHeldRows, holdWebhookRow } from "@/test/hold-row";

afterEach(endHeldRows);

const lastDeliveryAt = async (id: string) =>
  (await db.webhook.findUniqueOrThrow({ where: { id }, select: { lastDeliveryAt: true } })).lastDeliveryAt;

describe("a round's success verdict", () => {
  it("does not wait for a webhook row another transaction holds: the time of the last delivery waits a beat instead", async () => {
    const { org } = await createOrg();
    const webhook = await createActiveWebhook(org.id, "http://127.0.0.1:9/hook");
    const held = await holdWebhookRow(webhook.id);

    const first = new Date("2026-11-30T10:00:00.000Z");
    await expect(sqlTransaction((tx) => applyVerdict(tx, webhook.id, { kind: "success" }, first))).resolves.toBeNull();
    expect(await lastDeliveryAt(webhook.id)).toBeNull();

    await held.release();
    const second = new Date("2026-11-30T10:00:05.000Z");
    await sqlTransaction((tx) => applyVerdict(tx, webhook.id, { kind: "success" }, second));
    expect(await lastDeliveryAt(webhook.id)).toEqual(second);
  });

  it("still brings a failing webhook back to active, waiting for the row if it must", async () => {
    const { org } = await createOrg();
    const webhook = await createActiveWebhook(org.id, "http://127.0.0.1:9/hook", {
      status: "failing",
      failingSince: new Date(),
    });
    const signal = await sqlTransaction((tx) => applyVerdict(tx, webhook.id, { kind: "success" }));
    expect(signal).toEqual({ kind: "recovered", webhookId: webhook.id });
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).status).toBe("active");
  });
});
