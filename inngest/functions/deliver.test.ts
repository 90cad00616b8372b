import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { deliver } from "@/inngest/functions/deliver";
import type { AttemptReport } from "@/lib/deliveries/attempt";

// The function's control flow alone, with each step's outcome mocked (@inngest/test); the steps'
// own work is covered by the integration tests that run the real engine.
const report = (overrides: Partial<AttemptReport>): AttemptReport => ({ attemptId: "att_1", orgId: "org_1", status: "retrying", success: false, retryInMs: null, signal: null, ...overrides });
type Requested = { name: string; data: { deliveryId: string; webhookId: string; collectForMs: number; rateLimited: boolean } };
const requested = (collectForMs = 0, rateLimited = false): [Requested] => [{ name: "hub/delivery.requested", data: { deliveryId: "dlv_1", webhookId: "wh_1", collectForMs, rateLimited } }];

describe("deliver function", () => {
  it("sleeps for the delay each failed attempt asks for, until one succeeds", async () => {
    const engine = new InngestTestEngine({ function: deliver });
    const { result, ctx } = await engine.execute({
      events: requested(),
      steps: [
        { id: "attempt 1", handler: () => report({ retryInMs: 60_000 }) },
        { id: "wait before attempt 2", handler: () => undefined },
        { id: "attempt 2", handler: () => report({ retryInMs: 300_000 }) },
        { id: "wait before attempt 3", handler: () => undefined },
        { id: "attempt 3", handler: () => report({ status: "succeeded", success: true }) },
      ],
    });
    expect(result).toEqual({ status: "succeeded", attempts: 3 });
    expect(ctx.step.sleep).toHaveBeenCalledWith("wait before attempt 2", 60_000);
    expect(ctx.step.sleep).toHaveBeenCalledWith("wait before attempt 3", 300_000);
  });

  it("waits for the batch window before the first attempt of a batch", async () => {
    const engine = new InngestTestEngine({ function: deliver });
    const { ctx } = await engine.execute({ events: requested(5000), steps: [{ id: "collect the batch", handler: () => undefined }, { id: "attempt 1", handler: () => report({ status: "succeeded", success: true }) }] });
    expect(ctx.step.sleep).toHaveBeenCalledWith("collect the batch", 5000);
  });

  it("waits for its reserved slot before each attempt when the webhook is rate limited", async () => {
    const engine = new InngestTestEngine({ function: deliver });
    const { ctx } = await engine.execute({
      events: requested(0, true),
      steps: [
        { id: "reserve a send slot for attempt 1", handler: () => 250 },
        { id: "wait for the rate limit before attempt 1", handler: () => undefined },
        { id: "attempt 1", handler: () => report({ status: "succeeded", success: true }) },
      ],
    });
    expect(ctx.step.sleep).toHaveBeenCalledWith("wait for the rate limit before attempt 1", 250);
  });

  it("emails the owner when an attempt disables the webhook, and stops", async () => {
    const emailed: string[] = [];
    const engine = new InngestTestEngine({ function: deliver });
    const { result } = await engine.execute({
      events: requested(),
      steps: [
        { id: "attempt 1", handler: () => report({ status: "failed", signal: { kind: "disabled", webhookId: "wh_1", reason: "The endpoint answered 410 Gone." } }) },
        { id: "email the owner: disabled", handler: () => emailed.push("wh_1") },
      ],
    });
    expect(emailed).toEqual(["wh_1"]);
    expect(result).toEqual({ status: "failed", attempts: 1 });
  });

  it("announces that a webhook started failing, once per incident, with a deterministic event id", async () => {
    const engine = new InngestTestEngine({ function: deliver });
    const { ctx } = await engine.execute({
      events: requested(),
      steps: [
        { id: "attempt 1", handler: () => report({ retryInMs: 1000, signal: { kind: "failing", webhookId: "wh_1", failingSince: "2026-11-23T10:00:00.000Z" } }) },
        { id: "announce failing after attempt 1", handler: () => ({ ids: ["failing"] }) },
        { id: "wait before attempt 2", handler: () => undefined },
        { id: "announce recovered after attempt 2", handler: () => ({ ids: ["recovered"] }) },
        { id: "attempt 2", handler: () => report({ status: "succeeded", success: true, signal: { kind: "recovered", webhookId: "wh_1" } }) },
      ],
    });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "announce failing after attempt 1",
      expect.objectContaining({ name: "hub/webhook.failing", id: "failing-wh_1-2026-11-23T10:00:00.000Z", data: { webhookId: "wh_1", orgId: "org_1", failingSince: "2026-11-23T10:00:00.000Z" } }),
    );
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("announce recovered after attempt 2", expect.objectContaining({ name: "hub/webhook.recovered" }));
  });
});
