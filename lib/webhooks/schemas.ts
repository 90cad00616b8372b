import { z } from "zod";
import { paginationQuery } from "@/lib/http/pagination";
import { retrySchedules, webhookFormats } from "@/lib/webhooks/presets";

export {
  createWebhookInput,
  patchWebhookInput,
  replaceWebhookInput,
  secretProblem,
  sendExampleInput,
  testWebhookInput,
  type CreateWebhookInput,
  type PatchWebhookInput,
  type ReplaceWebhookInput,
} from "@/lib/webhooks/input-schemas";

export const webhookListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: paginationQuery.shape.cursor,
  projectId: z.string().max(64).optional(),
  status: z.enum(["pending", "active", "failing", "disabled", "paused"]).optional(),
  trigger: z.string().max(100).optional(),
});

export const webhookOutput = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  scope: z.enum(["org", "project"]),
  projectId: z.string().nullable(),
  projectIds: z.array(z.string()),
  portfolioId: z.string().nullable(),
  triggers: z.array(z.string()),
  format: z.enum(webhookFormats),
  // Write-only settings are reported as set or not, never by value.
  secretSet: z.boolean(),
  previousSecretValidUntil: z
    .date()
    .nullable()
    .describe(
      "While a rotation overlaps (standard webhooks): until when the previous secret still signs beside the current one.",
    ),
  tokenSet: z.boolean(),
  basicAuthSet: z.boolean(),
  headers: z
    .record(z.string(), z.string())
    .describe("The plain extra headers. Secret ones are listed by name in secretHeaderNames, never by value."),
  secretHeaderNames: z.array(z.string()).describe("Names of the write-only extra headers that are set."),
  extraPayload: z.record(z.string(), z.unknown()),
  deliveryMode: z.enum(["single", "batched"]),
  batchWindowMs: z.number(),
  batchMaxSize: z.number(),
  retryPolicy: z.object({ schedule: z.enum(retrySchedules), delaysSeconds: z.array(z.number()).optional() }),
  timeoutMs: z.number(),
  rateLimitPerSecond: z.number().nullable(),
  followUpUrls: z
    .array(z.string())
    .describe("Without credentials: a follow-up URL's user:password@ is write-only, like url's."),
  followUpBasicAuthSet: z
    .array(z.boolean())
    .describe("For each follow-up URL, whether it has Basic auth credentials stored."),
  ownerId: z.string().nullable(),
  active: z.boolean(),
  activationRequired: z.boolean(),
  disableOnGone: z.boolean(),
  heldDeliveries: z
    .number()
    .describe("Deliveries held while the webhook is paused; they go out, in order, when it is resumed."),
  status: z.enum(["pending", "active", "failing", "disabled", "paused"]),
  statusReason: z.string().nullable(),
  lastDeliveryAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export type WebhookOutput = z.infer<typeof webhookOutput>;

/** A new webhook; `secret` only when the hub generated it, shown in this response only. */
export const createdWebhookOutput = webhookOutput.extend({
  secret: z
    .string()
    .optional()
    .describe(
      "The generated signing secret (standard webhooks created without one). Shown only in this response; store it now.",
    ),
});

export type CreatedWebhookOutput = z.infer<typeof createdWebhookOutput>;

/** Rotation: a new secret given by the caller, or generated when left out. */
export const rotateSecretInput = z.strictObject({
  secret: z
    .string()
    .min(1)
    .max(256)
    .optional()
    .describe("The new signing secret; left out, the hub generates one (whsec_… for standard webhooks)."),
});

export const rotatedSecretOutput = z.object({
  webhook: webhookOutput,
  secret: z.string().describe("The new signing secret. Shown only in this response; store it now."),
});

export type RotateSecretInput = z.infer<typeof rotateSecretInput>;
export type RotatedSecretOutput = z.infer<typeof rotatedSecretOutput>;
