import "server-only";
import { inngest } from "@/lib/jobs/client";
import { webhookDue } from "@/lib/jobs/events";
import { healthEvent } from "@/lib/jobs/signals";
import { emailWebhookDisabled } from "@/lib/engine/notify-owner";
import { sendDueDeliveries, type RoundReport } from "@/lib/engine/send-due";

// Each round takes at most four steps; the run continues in a fresh one well under Inngest's 1,000.
export const maxRoundsPerRun = 200;

/**
 * One webhook's deliveries, from first try to success or give-up. A round claims everything due
 * (up to a chunk), sends it concurrently, and records every attempt in one statement; then the run
 * goes on, sleeps until the next retry or batch window, or ends. Retry schedules are data
 * (`nextAttemptAt`), so one run serves any number of deliveries, and one run per webhook at a
 * time (the concurrency key) keeps a slow receiver from holding anyone else's work.
 */
export const deliverWebhook = inngest.createFunction(
  { id: "deliver-webhook", triggers: [webhookDue], retries: 5, concurrency: { limit: 1, key: "event.data.webhookId" } },
  async ({ event, step, runId }) => {
    const { webhookId, orgId } = event.data;
    // The run's clock between rounds: where the last round left it, or the due time it slept until.
    let dueBy: string | null = null;
    let sleptUntil: string | null = null;
    for (let round = 1; round <= maxRoundsPerRun; round++) {
      const clock = { dueBy, sleptUntil };
      const report: RoundReport = await step.run(`round ${round}`, () =>
        sendDueDeliveries(webhookId, { ...clock, claimToken: `${runId}:${round}` }),
      );
      const signal = report.signal;
      if (signal?.kind === "disabled")
        await step.run(`email the owner: disabled (round ${round})`, () =>
          emailWebhookDisabled(signal.webhookId, signal.reason),
        );
      const announcement = signal ? healthEvent(orgId, signal) : null;
      if (announcement) await step.sendEvent(`announce ${signal?.kind} (round ${round})`, announcement);
      const { next } = report;
      if (next.kind === "end") return { rounds: round };
      if (next.kind === "sleep") {
        await step.sleep(`wait for the next due delivery (round ${round})`, next.sleepMs);
        dueBy = sleptUntil = next.wakeAt;
      } else {
        dueBy = next.at;
        sleptUntil = null;
      }
    }
    await step.sendEvent(
      "continue in a fresh run",
      webhookDue.create({ webhookId, orgId }, { id: `continue-${runId}` }),
    );
    return { rounds: maxRoundsPerRun, continued: true };
  },
);
