import { retryScheduleSpecs } from "@/lib/wire/schedules";
import type { RetryScheduleName } from "@/lib/webhooks/presets";

const labels: Record<RetryScheduleName, string> = {
  standard: "Standard",
  codescoring: "CodeScoring",
  scorecard: "SecurityScorecard",
  custom: "Custom",
};

/** How each named schedule reads to a person, from the same data the delivery engine sleeps by. */
export const retrySchedules = Object.fromEntries(
  (Object.keys(labels) as RetryScheduleName[]).map((name) => [
    name,
    { label: labels[name], description: retryScheduleSpecs[name].description },
  ]),
) as Record<RetryScheduleName, { label: string; description: string }>;
