import "@/test/engine-env";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as replayRoute from "@/app/api/v1/deliveries/replay/route";
import * as eventsReplayRoute from "@/app/api/v1/events/replay/route";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createApiToken, createDelivery, createOrg } from "@/test/factories";

let engine: DeliveryEngine;
beforeAll(async () => {
  engine = await startDeliveryEngine();
});
afterAll(async () => engine?.stop());

it("a crowd replaying the same deliveries at once, beside hostile bodies and a hanging and a failing receiver, gets no 5xx and sends each once", async () => {
  const ok = await engine.receiver(() => ({ status: 200, body: "ok" }));
  const failing = await engine.receiver(() => ({ status: 500, body: "no" }));
  const hanging = await engine.receiver(() => ({ status: 200, hang: true }));
  const orgId = (await createOrg()).org.id;
  const { token } = await createApiToken(orgId, ["deliveries:write", "deliveries:read", "events:write"]);
  const hooks = await Promise.all(
    [ok, failing, hanging].map((r) => createActiveWebhook(orgId, r.url, { timeoutMs: 1000 })),
  );
  const ids: string[] = [];
  for (const hook of hooks)
    for (let i = 0; i < 10; i++) {
      const event = await db.event.create({ data: { orgId, type: "test", payload: { i }, dispatchedAt: new Date() } });
      const d = await createDelivery(
        {
          orgId,
          webhookId: hook.id,
          status: "failed",
          attemptCount: 1,
        },
        [event.id],
      );
      ids.push(d.id);
    }
  const hostile = [
    null,
    "x",
    [],
    { deliveryIds: "x" },
    { deliveryIds: [1, 2] },
    { deliveryIds: Array(1001).fill("dlv_x") },
    { deliveryIds: ["dlv_a", "dlv_a"] },
    { deliveryIds: ["\u0000"] },
    { deliveryIds: ["' OR 1=1 --"] },
    { deliveryIds: [] },
    { deliveryIds: [ids[0]], extra: 1 },
  ];
  const calls = [
    ...Array.from({ length: 20 }, () =>
      call("POST", replayRoute.POST, "/api/v1/deliveries/replay", { token, body: { deliveryIds: ids } }),
    ),
    ...hostile.map((body) => call("POST", replayRoute.POST, "/api/v1/deliveries/replay", { token, body })),
    ...Array.from({ length: 5 }, () =>
      call("POST", eventsReplayRoute.POST, "/api/v1/events/replay", { token, body: {} }),
    ),
  ];
  const statuses = (await Promise.all(calls)).map((r) => r.status);
  expect(statuses.slice(0, 20)).toEqual(Array(20).fill(202));
  expect(statuses.slice(20, 20 + hostile.length)).toEqual(Array(hostile.length).fill(422));
  expect(statuses.slice(20 + hostile.length)).toEqual(Array(5).fill(202));
  await engine.advance(5000);
  // Twenty people replaying the same deliveries send each once: the first queues them, the rest find nothing to queue.
  expect(ok.requests.length).toBe(10);
  expect(await db.auditLog.count({ where: { orgId, action: "delivery.replayed" } })).toBe(1);
  // The hanging receiver held up nobody: the failing one was tried for each of its deliveries too.
  expect(failing.requests.length).toBeGreaterThanOrEqual(10);
  expect(hanging.requests.length).toBe(10);
}, 120_000);
