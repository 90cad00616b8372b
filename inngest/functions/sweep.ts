import "server-only";
import { cron } from "inngest";
import { inngest } from "@/lib/jobs/client";
import { sweepEngine } from "@/lib/engine/sweep";

/** The backstop: events stored but not fanned out, and webhooks with overdue deliveries but no run, every minute. */
export const sweep = inngest.createFunction({ id: "sweep-engine", triggers: [cron("* * * * *")] }, async ({ step }) => {
  return step.run("dispatch stored events and wake overdue webhooks", () => sweepEngine());
});
