import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { escalate } from "@/inngest/functions/escalate";

describe("escalate function", () => {
  it("waits 36 hours before it checks the incident and emails", async () => {
    const engine = new InngestTestEngine({ function: escalate });
    const { result, ctx } = await engine.execute({
      events: [
        {
          name: "hub/webhook.failing",
          data: { webhookId: "wh_1", orgId: "org_1", failingSince: "2026-11-23T10:00:00.000Z" },
        },
      ],
      steps: [
        { id: "wait 36 hours", handler: () => undefined },
        { id: "email the owner", handler: () => 1 },
      ],
    });
    expect(ctx.step.sleep).toHaveBeenCalledWith("wait 36 hours", "36h");
    expect(result).toEqual({ emailed: 1 });
  });
});
