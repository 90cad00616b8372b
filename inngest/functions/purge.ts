import "server-only";
import { cron } from "inngest";
import { inngest } from "@/lib/jobs/client";
import { purgeExpiredUnverifiedAccounts } from "@/lib/auth/email-verification";
import { purgeRateLimits } from "@/lib/auth/rate-limit";
import { purgeHistory } from "@/lib/history/purge";
import { purgeSentJobs } from "@/lib/jobs/job-outbox";

/**
 * Hourly clean-up: delivery history past the org's retention (30 days by default, as SonarQube
 * does), password accounts whose address was never verified, sign-in throttling counters, and
 * follow-up jobs sent a week ago.
 */
export const purge = inngest.createFunction(
  { id: "purge-history", triggers: [cron("0 * * * *")] },
  async ({ step }) => {
    const history = await step.run("delete expired history", () => purgeHistory());
    const unverifiedAccounts = await step.run("delete unverified accounts", () => purgeExpiredUnverifiedAccounts());
    const rateLimits = await step.run("delete ended rate-limit windows", () => purgeRateLimits());
    const sentJobs = await step.run("delete sent follow-up jobs", () => purgeSentJobs());
    return { history, unverifiedAccounts, rateLimits, sentJobs };
  },
);
