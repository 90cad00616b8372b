import { z } from "zod";
import { paginationQuery } from "@/lib/http/pagination";
import { batchingFormats, presets, retrySchedules, webhookFormats } from "@/lib/webhooks/presets";
import { credentialsDecode } from "@/lib/webhooks/target-url";

const maxHeaders = 20;
const maxFollowUps = 5;
const maxExtraPayloadBytes = 16 * 1024;
// Headers the hub sets itself: a webhook may not override framing, routing or signatures.
const reservedHeaders = new Set([
  "host", "content-length", "content-type", "transfer-encoding", "connection", "authorization",
  "webhook-id", "webhook-timestamp", "webhook-signature", "x-deepsource-signature",
  "x-sonar-webhook-hmac-sha256", "x-sonarqube-project", "x-codescoring-authentication", "user-agent",
]);
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const targetUrl = z
  .string()
  .trim()
  .max(2048, "A URL has at most 2048 characters.")
  .refine((value) => URL.canParse(value), "Enter a full URL, with http:// or https://.")
  .refine((value) => !URL.canParse(value) || ["http:", "https:"].includes(new URL(value).protocol), "Use an http:// or https:// URL.")
  .refine((value) => !URL.canParse(value) || credentialsDecode(value), "The user name or password in the URL has a broken %-escape.");

const headers = z
  .record(z.string(), z.string().max(1024, "A header value has at most 1024 characters."))
  .superRefine(checkHeaders);

/** Write-only headers: a value sets it, null removes it, a name left out keeps what is stored. */
const secretHeadersInput = z
  .record(z.string(), z.string().max(1024, "A header value has at most 1024 characters.").nullable())
  .superRefine((value, ctx) => checkHeaders(Object.fromEntries(Object.entries(value).map(([name, entry]) => [name, entry ?? ""])), ctx))
  .describe("Write-only extra headers (API keys and the like): a value sets one, null removes it, leaving a name out keeps it. Shown back only by name, in secretHeaderNames. Headers in `headers` whose name looks like a credential (…key, …token, …secret, authorization, cookie, password…) are stored this way too.");

function checkHeaders(value: Record<string, string>, ctx: z.RefinementCtx) {
  const names = Object.keys(value);
  if (names.length > maxHeaders) ctx.addIssue({ code: "custom", message: `At most ${maxHeaders} extra headers.` });
  for (const name of names) {
    if (!headerName.test(name)) ctx.addIssue({ code: "custom", path: [name], message: `"${name}" is not a valid header name.` });
    else if (reservedHeaders.has(name.toLowerCase())) ctx.addIssue({ code: "custom", path: [name], message: `The hub sets ${name} itself.` });
    if (/[\r\n\0]/.test(value[name] ?? "")) ctx.addIssue({ code: "custom", path: [name], message: "Header values cannot contain line breaks." });
  }
}

const extraPayload = z
  .record(z.string(), z.unknown())
  .refine((value) => Buffer.byteLength(JSON.stringify(value)) <= maxExtraPayloadBytes, `The extra payload is at most ${maxExtraPayloadBytes / 1024} KB of JSON.`);

const retryPolicy = z
  .strictObject({
    schedule: z.enum(retrySchedules),
    delaysSeconds: z.array(z.number().int().min(1).max(7 * 24 * 3600)).min(1).max(20).optional(),
  })
  .refine((value) => (value.schedule === "custom") === (value.delaysSeconds !== undefined), {
    message: "Give delaysSeconds exactly when the schedule is custom.",
    path: ["delaysSeconds"],
  });

/**
 * Every setting of a webhook. Secrets are write-only: `null` clears, omitting keeps (on PUT and
 * PATCH). A `standard` webhook created without `secret` gets a generated one; `null` leaves it unsigned.
 */
const webhookFields = {
  name: z.string().trim().min(1, "Give the webhook a name.").max(100),
  url: targetUrl,
  scope: z.enum(["org", "project"]).default("org"),
  projectId: z.string().max(64).nullable().default(null),
  projectIds: z.array(z.string().max(64)).max(100).default([]),
  portfolioId: z
    .string()
    .max(64)
    .nullable()
    .default(null)
    .describe("Org-level webhooks: a portfolio (a saved selection of projects) instead of projectIds; the webhook follows the portfolio's projects as they change."),
  triggers: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  format: z.enum(webhookFormats).default("standard"),
  secret: z
    .string()
    .max(256)
    .nullable()
    .optional()
    .describe("Write-only. Setting it replaces the secret at once; to keep the old one valid for 24 h meanwhile, use rotate_secret."),
  token: z.string().max(512).nullable().optional(),
  headers: headers.default({}),
  secretHeaders: secretHeadersInput.optional(),
  extraPayload: extraPayload.default({}),
  deliveryMode: z.enum(["single", "batched"]).optional(),
  batchWindowMs: z.number().int().min(1000).max(60_000).optional(),
  batchMaxSize: z.number().int().min(1).max(1000).default(100),
  retryPolicy: retryPolicy.optional(),
  timeoutMs: z.number().int().min(1000).max(30_000).optional(),
  rateLimitPerSecond: z.number().int().min(1).max(1000).nullable().default(null),
  followUpUrls: z.array(targetUrl).max(maxFollowUps, `At most ${maxFollowUps} follow-up web requests.`).default([]),
  ownerId: z.string().min(1, "Give a member id, or null for no owner.").max(64).nullable().default(null),
  active: z.boolean().default(true),
  activationRequired: z
    .boolean()
    .optional()
    .describe("Whether a new URL waits in `pending` until a test event gets a 2xx. Left out: the format's default (on for standard and deepsource, off for the others)."),
  disableOnGone: z
    .boolean()
    .optional()
    .describe("Whether a 410 Gone disables the webhook at once. Left out: the format's default (on for standard only; the other formats retry a 410 like any failure)."),
};

function checkWebhook(value: { scope: string; projectId: string | null; projectIds: string[]; portfolioId: string | null; format: keyof typeof presets; secret?: string | null; followUpUrls: string[]; deliveryMode?: "single" | "batched" }, ctx: z.RefinementCtx) {
  if (value.scope === "project" && !value.projectId) ctx.addIssue({ code: "custom", path: ["projectId"], message: "A project-level webhook needs a projectId." });
  if (value.scope === "project" && value.projectIds.length > 0) ctx.addIssue({ code: "custom", path: ["projectIds"], message: "projectIds is for org-level webhooks; use projectId." });
  if (value.scope === "org" && value.projectId) ctx.addIssue({ code: "custom", path: ["projectId"], message: "projectId is for project-level webhooks; use projectIds." });
  if (value.portfolioId && value.scope !== "org") ctx.addIssue({ code: "custom", path: ["portfolioId"], message: "A portfolio is a scope for org-level webhooks." });
  if (value.portfolioId && value.projectIds.length > 0) ctx.addIssue({ code: "custom", path: ["projectIds"], message: "Choose projects or a portfolio, not both." });
  checkSecret(value, ctx);
  if (value.deliveryMode === "batched" && !batchingFormats.includes(value.format)) {
    ctx.addIssue({ code: "custom", path: ["deliveryMode"], message: `A ${presets[value.format].label} request carries one event; batching is for Standard Webhooks and CodeScoring.` });
  }
  if (value.followUpUrls.length > 0 && value.format !== "scorecard") {
    ctx.addIssue({ code: "custom", path: ["followUpUrls"], message: "Follow-up web requests are a SecurityScorecard rule feature; choose that format." });
  }
}

const standardSecretPrefix = "whsec_";
const isCanonicalBase64 = (text: string) => text !== "" && Buffer.from(text, "base64").toString("base64") === text;

/**
 * Why a signing secret will not do for a format, or null. The format's receivers decide how short
 * it may be (DeepSource: 16); a `whsec_` secret must decode, or the signer would skip it.
 */
export function secretProblem(format: keyof typeof presets, secret: string): string | null {
  const minimum = presets[format].minSecretLength;
  if (secret.length < minimum) return `A ${presets[format].label} secret has at least ${minimum} characters.`;
  if (format === "standard" && secret.startsWith(standardSecretPrefix) && !isCanonicalBase64(secret.slice(standardSecretPrefix.length))) {
    return "A whsec_ secret is whsec_ followed by base64; leave the prefix out to use the text as it is.";
  }
  return null;
}

function checkSecret(value: { format: keyof typeof presets; secret?: string | null }, ctx: z.RefinementCtx) {
  const problem = value.secret ? secretProblem(value.format, value.secret) : null;
  if (problem) ctx.addIssue({ code: "custom", path: ["secret"], message: problem });
}

export const createWebhookInput = z.strictObject(webhookFields).superRefine(checkWebhook);
/**
 * PUT: the whole webhook again (secrets may be omitted to keep them). The format is the webhook's
 * identity, not a setting to reset: left out, the stored one stays (checked once merged).
 */
export const replaceWebhookInput = z.strictObject({ ...webhookFields, format: z.enum(webhookFormats).optional() });
type WithoutDefaults<Shape extends z.ZodRawShape> = { [Key in keyof Shape]: Shape[Key] extends z.ZodDefault<infer Inner> ? Inner : Shape[Key] };

function withoutDefaults<Shape extends z.ZodRawShape>(shape: Shape): WithoutDefaults<Shape> {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema instanceof z.ZodDefault ? schema.unwrap() : schema])) as WithoutDefaults<Shape>;
}

/**
 * PATCH: any subset; merged onto the stored webhook, then validated as a whole. Without the
 * defaults: zod 4 applies a default inside `.partial()`, which would reset every omitted setting.
 */
export const patchWebhookInput = z.strictObject(withoutDefaults(webhookFields)).partial();

/** "Test it" before saving (CodeScoring): where to send the `test` trigger, and how to sign it. */
export const testWebhookInput = z
  .strictObject({
    url: targetUrl,
    format: z.enum(webhookFormats).default("standard"),
    secret: z.string().max(256).optional(),
    token: z.string().max(512).optional(),
    headers: headers.default({}),
  })
  .superRefine(checkSecret);

export type CreateWebhookInput = z.infer<typeof createWebhookInput>;
export type PatchWebhookInput = z.infer<typeof patchWebhookInput>;
export type ReplaceWebhookInput = z.infer<typeof replaceWebhookInput>;

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
  previousSecretValidUntil: z.date().nullable().describe("While a rotation overlaps (standard webhooks): until when the previous secret still signs beside the current one."),
  tokenSet: z.boolean(),
  basicAuthSet: z.boolean(),
  headers: z.record(z.string(), z.string()).describe("The plain extra headers. Secret ones are listed by name in secretHeaderNames, never by value."),
  secretHeaderNames: z.array(z.string()).describe("Names of the write-only extra headers that are set."),
  extraPayload: z.record(z.string(), z.unknown()),
  deliveryMode: z.enum(["single", "batched"]),
  batchWindowMs: z.number(),
  batchMaxSize: z.number(),
  retryPolicy: z.object({ schedule: z.enum(retrySchedules), delaysSeconds: z.array(z.number()).optional() }),
  timeoutMs: z.number(),
  rateLimitPerSecond: z.number().nullable(),
  followUpUrls: z.array(z.string()).describe("Without credentials: a follow-up URL's user:password@ is write-only, like url's."),
  followUpBasicAuthSet: z.array(z.boolean()).describe("For each follow-up URL, whether it has Basic auth credentials stored."),
  ownerId: z.string().nullable(),
  active: z.boolean(),
  activationRequired: z.boolean(),
  disableOnGone: z.boolean(),
  heldDeliveries: z.number().describe("Deliveries held while the webhook is paused; they go out, in order, when it is resumed."),
  status: z.enum(["pending", "active", "failing", "disabled", "paused"]),
  statusReason: z.string().nullable(),
  lastDeliveryAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export type WebhookOutput = z.infer<typeof webhookOutput>;

/** A new webhook; `secret` only when the hub generated it, shown in this response only. */
export const createdWebhookOutput = webhookOutput.extend({
  secret: z.string().optional().describe("The generated signing secret (standard webhooks created without one). Shown only in this response; store it now."),
});

export type CreatedWebhookOutput = z.infer<typeof createdWebhookOutput>;

/** Rotation: a new secret given by the caller, or generated when left out. */
export const rotateSecretInput = z.strictObject({
  secret: z.string().min(1).max(256).optional().describe("The new signing secret; left out, the hub generates one (whsec_… for standard webhooks)."),
});

export const rotatedSecretOutput = z.object({
  webhook: webhookOutput,
  secret: z.string().describe("The new signing secret. Shown only in this response; store it now."),
});

export type RotateSecretInput = z.infer<typeof rotateSecretInput>;
export type RotatedSecretOutput = z.infer<typeof rotatedSecretOutput>;
