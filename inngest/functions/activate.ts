import "server-only";
import { inngest } from "@/lib/jobs/client";
import { activationRequested } from "@/lib/jobs/events";
import { probeWebhook } from "@/lib/engine/probe";
import { db } from "@/lib/db";

/** DeepSource: a new endpoint (or a new URL) gets a test event; a 2xx activates it. */
export const activate = inngest.createFunction(
  { id: "activate", triggers: [activationRequested], retries: 3 },
  async ({ event, step }) => {
    const { orgId, webhookId } = event.data;
    return step.run("send the test event", async () => {
      const webhook = await db.webhook.findFirst({ where: { id: webhookId, orgId }, select: { status: true } });
      if (webhook?.status !== "pending")
        return { skipped: webhook ? `webhook is ${webhook.status}` : "webhook deleted" };
      return probeWebhook(orgId, webhookId);
    });
  },
);
