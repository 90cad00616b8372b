import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { escalate } from "@/inngest/functions/escalate";
import { fanOutEvent } from "@/inngest/functions/fan-out";

describe("fan-out function", () => {
  it("starts one delivery run per delivery, each with an id that makes a repeat a no-op", async () => {
    const engine = new InngestTestEngine({ function: fanOutEvent });
    const { result, ctx } = await engine.execute({
      events: [{ name: "hub/event.published", data: { eventId: "evt_1", orgId: "org_1" } }],
      steps: [
        { id: "create deliveries", handler: () => [{ deliveryId: "dlv_a", webhookId: "wh_a", collectForMs: 0, rateLimited: false }, { deliveryId: "dlv_b", webhookId: "wh_b", collectForMs: 5000, rateLimited: true }] },
        { id: "start deliveries", handler: () => ({ ids: ["a", "b"] }) },
      ],
    });
    expect(result).toEqual({ started: 2 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("start deliveries", [
      expect.objectContaining({ name: "hub/delivery.requested", id: "deliver-dlv_a", data: { deliveryId: "dlv_a", webhookId: "wh_a", collectForMs: 0, rateLimited: false } }),
      expect.objectContaining({ name: "hub/delivery.requested", id: "deliver-dlv_b", data: { deliveryId: "dlv_b", webhookId: "wh_b", collectForMs: 5000, rateLimited: true } }),
    ]);
  });

  it("sends nothing when no webhook matches", async () => {
    const engine = new InngestTestEngine({ function: fanOutEvent });
    const { result, ctx } = await engine.execute({
      events: [{ name: "hub/event.published", data: { eventId: "evt_1", orgId: "org_1" } }],
      steps: [{ id: "create deliveries", handler: () => [] }],
    });
    expect(result).toEqual({ started: 0 });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });
});

describe("escalate function", () => {
  it("waits 36 hours before it checks the incident and emails", async () => {
    const engine = new InngestTestEngine({ function: escalate });
    const { result, ctx } = await engine.execute({
      events: [{ name: "hub/webhook.failing", data: { webhookId: "wh_1", orgId: "org_1", failingSince: "2026-11-23T10:00:00.000Z" } }],
      steps: [
        { id: "wait 36 hours", handler: () => undefined },
        { id: "email the owner", handler: () => 1 },
      ],
    });
    expect(ctx.step.sleep).toHaveBeenCalledWith("wait 36 hours", "36h");
    expect(result).toEqual({ emailed: 1 });
  });
});
