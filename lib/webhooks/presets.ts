import type { DeliveryMode, WebhookFormat } from "@/generated/prisma/enums";

export const webhookFormats = [
  "standard",
  "codescoring",
  "scorecard",
  "deepsource",
  "sonarqube",
  "dejacode",
] as const satisfies readonly WebhookFormat[];
export const retrySchedules = ["standard", "codescoring", "scorecard", "custom"] as const;
export type RetryScheduleName = (typeof retrySchedules)[number];

export interface PresetDefaults {
  deliveryMode: DeliveryMode;
  batchWindowMs: number;
  timeoutMs: number;
  retrySchedule: RetryScheduleName;
  /** Shortest signing secret the product's receivers accept, if it signs at all. */
  minSecretLength: number;
  /** A new URL waits in `pending` until a test event gets a 2xx (DeepSource's rule, and the hub's own). */
  activationRequired: boolean;
  /** A 410 Gone disables the webhook at once (Standard Webhooks); otherwise it is retried like any failure. */
  disableOnGone: boolean;
  label: string;
}

/**
 * What choosing a format fills in, from each product's documentation. A person can still change
 * every value except the secret rule, which is what the product's receivers rely on.
 *
 * Activation by test event is DeepSource's rule (and the hub's own for Standard Webhooks); the other
 * products deliver from the moment a webhook is saved. Only Standard Webhooks disables on 410 Gone:
 * CodeScoring and SecurityScorecard retry every non-2xx on their schedule, and DeepSource, SonarQube
 * and DejaCode document no status that switches a webhook off, so 410 is an ordinary failure there.
 */
export const presets: Record<WebhookFormat, PresetDefaults> = {
  standard: {
    label: "Standard Webhooks",
    deliveryMode: "single",
    batchWindowMs: 5000,
    timeoutMs: 10_000,
    retrySchedule: "standard",
    minSecretLength: 24,
    activationRequired: true,
    disableOnGone: true,
  },
  // Events within 5 s go out together; 1m → 48h schedule, then the webhook is disabled.
  codescoring: {
    label: "CodeScoring",
    deliveryMode: "batched",
    batchWindowMs: 5000,
    timeoutMs: 10_000,
    retrySchedule: "codescoring",
    minSecretLength: 1,
    activationRequired: false,
    disableOnGone: false,
  },
  // 5 s limit; 5 retries within 36 h, then the rule owner is emailed and the webhook stays enabled.
  scorecard: {
    label: "SecurityScorecard",
    deliveryMode: "single",
    batchWindowMs: 5000,
    timeoutMs: 5000,
    retrySchedule: "scorecard",
    minSecretLength: 1,
    activationRequired: false,
    disableOnGone: false,
  },
  // Signing secrets must be at least 16 characters.
  deepsource: {
    label: "DeepSource",
    deliveryMode: "single",
    batchWindowMs: 5000,
    timeoutMs: 10_000,
    retrySchedule: "standard",
    minSecretLength: 16,
    activationRequired: true,
    disableOnGone: false,
  },
  // The URL must answer within 10 s.
  sonarqube: {
    label: "SonarQube",
    deliveryMode: "single",
    batchWindowMs: 5000,
    timeoutMs: 10_000,
    retrySchedule: "standard",
    minSecretLength: 1,
    activationRequired: false,
    disableOnGone: false,
  },
  dejacode: {
    label: "DejaCode",
    deliveryMode: "single",
    batchWindowMs: 5000,
    timeoutMs: 10_000,
    retrySchedule: "standard",
    minSecretLength: 1,
    activationRequired: false,
    disableOnGone: false,
  },
};

/** Only these formats can carry several events in one request; the others get one event each. */
export const batchingFormats: readonly WebhookFormat[] = ["standard", "codescoring"];
