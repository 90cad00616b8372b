import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { purgeHistory } from "@/lib/deliveries/purge";

/** Delivery history is kept for the org's retention (30 days by default, as SonarQube does), then deleted. */
export const purge = inngest.createFunction({ id: "purge-history", triggers: [cron("0 * * * *")] }, async ({ step }) => {
  return step.run("delete expired history", () => purgeHistory());
});
