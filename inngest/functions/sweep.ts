import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { sweepUndispatched } from "@/lib/events/hand-over";

/** Events stored while Inngest was unreachable are handed over here (and once at start-up). */
export const sweep = inngest.createFunction({ id: "sweep-undispatched-events", triggers: [cron("*/10 * * * *")] }, async ({ step }) => {
  const handedOver = await step.run("hand over stored events", () => sweepUndispatched());
  return { handedOver };
});
