import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as replayRoute from "@/app/api/v1/deliveries/replay/route";
import type { DeliveryStatus } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { maxSelectedDeliveries } from "@/lib/history/schemas";
import { call } from "@/test/api";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createApiToken, createDelivery, createOrg } from "@/test/factories";
import type { Receiver } from "@/test/receiver";

let engine: DeliveryEngine;
let receiver: Receiver;
let orgId: string;
let token: string;
let tokenId: string;
let webhookId: string;

async function deliveryOf(org: string, webhook: string, status: DeliveryStatus, extra: { isTest?: boolean } = {}) {
  const event = await db.event.create({
    data: { orgId: org, type: "test", payload: { status }, dispatchedAt: new Date() },
  });
  const delivery = await createDelivery(
    {
      orgId: org,
      webhookId: webhook,
      status,
      attemptCount: status === "pending" ? 0 : 1,
      // A delivery still on its schedule waits for a later attempt; a finished one waits for nothing.
      nextAttemptAt: status === "retrying" ? new Date(Date.now() + 3_600_000) : null,
      isTest: extra.isTest ?? false,
    },
    [event.id],
  );
  return delivery.id;
}

const replay = (body: unknown, as = token) =>
  call("POST", replayRoute.POST, "/api/v1/deliveries/replay", { token: as, body });
const statusOf = async (id: string) => (await db.delivery.findUniqueOrThrow({ where: { id } })).status;
const sentTo = (id: string) => receiver.requests.filter((request) => request.headers["webhook-id"] === id);

beforeAll(async () => {
  engine = await startDeliveryEngine();
  receiver = await engine.receiver(() => ({ status: 200, body: "ok" }));
  orgId = (await createOrg()).org.id;
  const created = await createApiToken(orgId, ["deliveries:write", "deliveries:read"]);
  ({ token } = created);
  tokenId = created.row.id;
  webhookId = (await createActiveWebhook(orgId, receiver.url)).id;
});

afterAll(async () => {
  await engine?.stop();
});

describe("replaying chosen deliveries", () => {
  it("sends each finished delivery once more, leaves one on its way alone, and audits it with the change", async () => {
    const failed = await deliveryOf(orgId, webhookId, "failed");
    const succeeded = await deliveryOf(orgId, webhookId, "succeeded");
    const waiting = await deliveryOf(orgId, webhookId, "retrying");
    const untouched = await deliveryOf(orgId, webhookId, "failed");

    const replayed = await replay({ deliveryIds: [failed, succeeded, waiting] });
    expect(replayed.status).toBe(202);
    expect(replayed.body).toEqual({ requeued: 2, skipped: [waiting] });
    // A second submit before the engine ran finds them queued already: nothing is queued twice.
    expect((await replay({ deliveryIds: [failed, succeeded] })).body).toEqual({
      requeued: 0,
      skipped: [failed, succeeded],
    });

    const audit = await db.auditLog.findMany({ where: { orgId, action: "delivery.replayed" } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorType: "token",
        actorId: tokenId,
        targetType: "delivery",
        targetId: null,
        metadata: { deliveries: 2, deliveryIds: expect.arrayContaining([failed, succeeded]) as unknown },
      }),
    ]);

    await engine.advance(0);
    expect(sentTo(failed)).toHaveLength(1);
    expect(sentTo(succeeded)).toHaveLength(1);
    expect(sentTo(waiting)).toHaveLength(0);
    expect(sentTo(untouched)).toHaveLength(0);
    expect(receiver.requests).toHaveLength(2);
    expect(await statusOf(failed)).toBe("succeeded");
    expect(await statusOf(succeeded)).toBe("succeeded");
    expect(await statusOf(waiting)).toBe("retrying");
    expect(await statusOf(untouched)).toBe("failed");
    expect(
      await db.attempt.findMany({ where: { deliveryId: { in: [failed, succeeded] } }, select: { trigger: true } }),
    ).toEqual([{ trigger: "manual" }, { trigger: "manual" }]);

    // Nothing more goes out later: each was sent exactly once.
    await engine.advance(2 * 3_600_000 - 1);
    expect(sentTo(failed)).toHaveLength(1);
    expect(sentTo(succeeded)).toHaveLength(1);
  }, 60_000);

  it("refuses ids it cannot replay with 422 naming each one, and queues nothing", async () => {
    const failed = await deliveryOf(orgId, webhookId, "failed");
    const test = await deliveryOf(orgId, webhookId, "failed", { isTest: true });
    const other = await createOrg();
    const theirWebhook = await createActiveWebhook(other.org.id, receiver.url);
    const theirs = await deliveryOf(other.org.id, theirWebhook.id, "failed");
    const missing = `dlv_${"0".repeat(32)}`;

    const refused = await replay({ deliveryIds: [failed, theirs, test, missing] });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "validation_failed", message: expect.any(String) as unknown });
    expect(refused.body.error.details).toEqual([
      { path: "deliveryIds.1", message: `No delivery ${theirs} in this organization.` },
      { path: "deliveryIds.2", message: expect.stringContaining("test delivery") as unknown },
      { path: "deliveryIds.3", message: `No delivery ${missing} in this organization.` },
    ]);
    // Another org's delivery reads exactly as one that never existed.
    expect(refused.body.error.details[0].message.replace(theirs, "X")).toBe(
      refused.body.error.details[2].message.replace(missing, "X"),
    );
    expect(await statusOf(failed)).toBe("failed");
    expect(await statusOf(theirs)).toBe("failed");
    expect(await db.auditLog.count({ where: { orgId: other.org.id, action: "delivery.replayed" } })).toBe(0);
  });

  it("refuses bad input with 422 in the documented shape", async () => {
    const failed = await deliveryOf(orgId, webhookId, "failed");
    const tooMany = Array.from({ length: maxSelectedDeliveries + 1 }, (_, index) => `dlv_${index}`);
    for (const [body, path] of [
      [{}, "deliveryIds"],
      [{ deliveryIds: [] }, "deliveryIds"],
      [{ deliveryIds: "dlv_1" }, "deliveryIds"],
      [{ deliveryIds: [42] }, "deliveryIds.0"],
      [{ deliveryIds: ["dlv_\u0000"] }, "deliveryIds.0"],
      [{ deliveryIds: [failed, failed] }, "deliveryIds.1"],
      [{ deliveryIds: tooMany }, "deliveryIds"],
      [{ deliveryIds: [failed], status: "failed" }, ""],
    ] as const) {
      const response = await replay(body);
      expect({ body, status: response.status }).toEqual({ body, status: 422 });
      expect(response.body.error.code).toBe("validation_failed");
      expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    }
    // The cap itself is allowed: a thousand ids are read (here, none of them exists).
    const atCap = await replay({ deliveryIds: tooMany.slice(1) });
    expect(atCap.status).toBe(422);
    expect(atCap.body.error.details).toHaveLength(maxSelectedDeliveries);
    expect(await statusOf(failed)).toBe("failed");
  });

  it("needs deliveries:write", async () => {
    const failed = await deliveryOf(orgId, webhookId, "failed");
    const { token: readOnly } = await createApiToken(orgId, ["deliveries:read"]);
    const refused = await replay({ deliveryIds: [failed] }, readOnly);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    expect(await statusOf(failed)).toBe("failed");
  });
});
