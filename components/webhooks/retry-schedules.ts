import type { RetryScheduleName } from "@/lib/webhooks/presets";

/**
 * How each named schedule reads to a person. The delays themselves live with the delivery engine;
 * these sentences repeat what DESIGN.md promises for each product.
 */
export const retrySchedules: Record<RetryScheduleName, { label: string; description: string }> = {
  standard: { label: "Standard", description: "The hub's default: exponential backoff over about a day." },
  codescoring: { label: "CodeScoring", description: "1 min → 5 min → 30 min → 3 h → 12 h → 24 h → 48 h, then the webhook is disabled." },
  scorecard: { label: "SecurityScorecard", description: "5 retries within 36 h, then the owner is emailed; the webhook stays enabled." },
  custom: { label: "Custom", description: "Your own list of delays, in seconds." },
};
