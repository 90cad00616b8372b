import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it, vi } from "vitest";
import { deliverWebhook, maxRoundsPerRun } from "@/inngest/functions/deliver-webhook";
import { sendDueDeliveries, type RoundReport } from "@/lib/engine/send-due";

vi.mock("@/lib/engine/send-due", () => ({ sendDueDeliveries: vi.fn() }));

// The function's control flow alone, each round's outcome mocked (@inngest/test); the rounds' own
// work is covered by the integration tests that run the real engine.
const round = (overrides: Partial<RoundReport>): RoundReport => ({
  orgId: "org_1",
  sent: 1,
  next: { kind: "end" },
  signal: null,
  ...overrides,
});
const now = { kind: "now", at: "2026-11-29T12:00:01.000Z" } as const;
const due = [{ name: "hub/webhook.due", data: { webhookId: "wh_1", orgId: "org_1" } }] as [
  { name: string; data: { webhookId: string; orgId: string } },
];

describe("deliver-webhook function", () => {
  it("goes round again while more is due, sleeps until the next due delivery, and ends when nothing waits", async () => {
    const engine = new InngestTestEngine({ function: deliverWebhook });
    const { result, ctx } = await engine.execute({
      events: due,
      steps: [
        { id: "round 1", handler: () => round({ sent: 100, next: now }) },
        {
          id: "round 2",
          handler: () =>
            round({ sent: 3, next: { kind: "sleep", sleepMs: 60_000, wakeAt: "2026-11-29T12:01:00.000Z" } }),
        },
        { id: "wait for the next due delivery (round 2)", handler: () => undefined },
        { id: "round 3", handler: () => round({ sent: 1 }) },
      ],
    });
    expect(result).toEqual({ rounds: 3 });
    expect(ctx.step.sleep).toHaveBeenCalledTimes(1);
    expect(ctx.step.sleep).toHaveBeenCalledWith("wait for the next due delivery (round 2)", 60_000);
  });

  it("carries the run's clock from round to round: where the last round stopped, or the due time it slept until", async () => {
    const rounds = vi.mocked(sendDueDeliveries);
    rounds.mockReset();
    rounds
      .mockResolvedValueOnce(round({ next: { kind: "now", at: "2026-11-29T12:00:01.000Z" } }))
      .mockResolvedValueOnce(round({ next: { kind: "sleep", sleepMs: 60_000, wakeAt: "2026-11-29T12:01:01.500Z" } }))
      .mockResolvedValueOnce(round({ next: { kind: "end" } }));
    const engine = new InngestTestEngine({ function: deliverWebhook });
    const { result } = await engine.execute({
      events: due,
      steps: [{ id: "wait for the next due delivery (round 2)", handler: () => undefined }],
    });

    expect(result).toEqual({ rounds: 3 });
    expect(
      rounds.mock.calls.map(([webhookId, { dueBy, sleptUntil } = {}]) => ({ webhookId, dueBy, sleptUntil })),
    ).toEqual([
      { webhookId: "wh_1", dueBy: null, sleptUntil: null },
      { webhookId: "wh_1", dueBy: "2026-11-29T12:00:01.000Z", sleptUntil: null },
      { webhookId: "wh_1", dueBy: "2026-11-29T12:01:01.500Z", sleptUntil: "2026-11-29T12:01:01.500Z" },
    ]);
  });

  it("emails the owner when a round disables the webhook, and announces a webhook that starts failing", async () => {
    const emailed: string[] = [];
    const engine = new InngestTestEngine({ function: deliverWebhook });
    const { ctx } = await engine.execute({
      events: due,
      steps: [
        {
          id: "round 1",
          handler: () =>
            round({
              next: now,
              signal: { kind: "failing", webhookId: "wh_1", failingSince: "2026-11-29T12:00:00.000Z" },
            }),
        },
        { id: "announce failing (round 1)", handler: () => ({ ids: ["failing"] }) },
        {
          id: "round 2",
          handler: () =>
            round({ signal: { kind: "disabled", webhookId: "wh_1", reason: "The endpoint answered 410 Gone." } }),
        },
        { id: "email the owner: disabled (round 2)", handler: () => emailed.push("wh_1") },
      ],
    });
    expect(emailed).toEqual(["wh_1"]);
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "announce failing (round 1)",
      expect.objectContaining({ name: "hub/webhook.failing", id: "failing-wh_1-2026-11-29T12:00:00.000Z" }),
    );
  });

  it(`continues in a fresh run after ${maxRoundsPerRun} rounds, so no run nears Inngest's 1,000 steps`, async () => {
    const engine = new InngestTestEngine({ function: deliverWebhook });
    const rounds = Array.from({ length: maxRoundsPerRun }, (_, index) => ({
      id: `round ${index + 1}`,
      handler: () => round({ sent: 100, next: now }),
    }));
    const { result, ctx } = await engine.execute({
      events: due,
      steps: [...rounds, { id: "continue in a fresh run", handler: () => ({ ids: ["next"] }) }],
    });
    expect(result).toEqual({ rounds: maxRoundsPerRun, continued: true });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "continue in a fresh run",
      expect.objectContaining({ name: "hub/webhook.due", data: { webhookId: "wh_1", orgId: "org_1" } }),
    );
  });
});
