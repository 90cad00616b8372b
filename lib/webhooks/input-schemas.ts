import { z } from "zod";
import { batchingFormats, presets, retrySchedules, webhookFormats } from "@/lib/webhooks/presets";
import { credentialsDecode } from "@/lib/webhooks/target-url";

/*
 * What a webhook's settings may be, for the API and for the dashboard's webhook form alike: the form
 * runs these same schemas in the browser before it sends anything. So this module ships to the
 * browser, and may import nothing server-only (no node: modules, no env, no database).
 */
const maxHeaders = 20;
const maxFollowUps = 5;
const maxExtraPayloadBytes = 16 * 1024;
// Headers the hub sets itself: a webhook may not override framing, routing or signatures.
const reservedHeaders = new Set([
  "host",
  "content-length",
  "content-type",
  "transfer-encoding",
  "connection",
  "authorization",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
  "x-deepsource-signature",
  "x-sonar-webhook-hmac-sha256",
  "x-sonarqube-project",
  "x-codescoring-authentication",
  "user-agent",
]);
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks across fields run even when another field has a problem, so one answer (and one failed
 * save in the form) lists every problem; they are skipped only when a field they read is itself
 * wrong, or the value is not an object at all.
 */
function alongside(...reads: string[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      typeof payload.value === "object" &&
      payload.value !== null &&
      payload.issues.every(
        (issue) => issue.path !== undefined && issue.path.length > 0 && !reads.includes(String(issue.path[0])),
      ),
  };
}

const targetUrl = z
  .string()
  .trim()
  .max(2048, "A URL has at most 2048 characters.")
  .refine((value) => URL.canParse(value), "Enter a full URL, with http:// or https://.")
  .refine(
    (value) => !URL.canParse(value) || ["http:", "https:"].includes(new URL(value).protocol),
    "Use an http:// or https:// URL.",
  )
  .refine(
    (value) => !URL.canParse(value) || credentialsDecode(value),
    "The user name or password in the URL has a broken %-escape.",
  );

const headers = z
  .record(z.string(), z.string().max(1024, "A header value has at most 1024 characters."))
  .superRefine(checkHeaders, alongside());

/** Write-only headers: a value sets it, null removes it, a name left out keeps what is stored. */
const secretHeadersInput = z
  .record(z.string(), z.string().max(1024, "A header value has at most 1024 characters.").nullable())
  .superRefine(
    (value, ctx) =>
      checkHeaders(Object.fromEntries(Object.entries(value).map(([name, entry]) => [name, entry ?? ""])), ctx),
    alongside(),
  )
  .describe(
    "Write-only extra headers (API keys and the like): a value sets one, null removes it, leaving a name out keeps it. Shown back only by name, in secretHeaderNames. Headers in `headers` whose name looks like a credential (…key, …token, …secret, authorization, cookie, password…) are stored this way too.",
  );

function checkHeaders(value: Record<string, string>, ctx: z.RefinementCtx) {
  const names = Object.keys(value);
  if (names.length > maxHeaders) ctx.addIssue({ code: "custom", message: `At most ${maxHeaders} extra headers.` });
  for (const name of names) {
    if (!headerName.test(name))
      ctx.addIssue({ code: "custom", path: [name], message: `"${name}" is not a valid header name.` });
    else if (reservedHeaders.has(name.toLowerCase()))
      ctx.addIssue({ code: "custom", path: [name], message: `The hub sets ${name} itself.` });
    if (/[\r\n\0]/.test(value[name] ?? ""))
      ctx.addIssue({ code: "custom", path: [name], message: "Header values cannot contain line breaks." });
  }
}

const extraPayload = z
  .record(z.string(), z.unknown())
  .refine(
    (value) => new TextEncoder().encode(JSON.stringify(value)).length <= maxExtraPayloadBytes,
    `The extra payload is at most ${maxExtraPayloadBytes / 1024} KB of JSON.`,
  );

const thousands = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * A whole number within limits, with messages a person can act on ("Timeout must be at most
 * 30,000 ms.") instead of zod's own ("Too big: expected number to be <=30000"): the dashboard shows
 * them beside the field, and the API returns them in `details`.
 */
function wholeNumber(
  what: string,
  { min, max, one, many, of = many }: { min: number; max: number; one: string; many: string; of?: string },
) {
  const amount = (value: number) => `${thousands(value)} ${value === 1 ? one : many}`;
  const notWhole = `${what} must be a whole number of ${of}.`;
  return z
    .number({ error: notWhole })
    .int({ error: notWhole })
    .min(min, { error: `${what} must be at least ${amount(min)}.` })
    .max(max, { error: `${what} must be at most ${amount(max)}.` });
}

const retryPolicy = z
  .strictObject({
    schedule: z.enum(retrySchedules),
    delaysSeconds: z
      .array(wholeNumber("Each retry delay", { min: 1, max: 7 * 24 * 3600, one: "second", many: "seconds" }))
      .min(1, { error: "List at least one retry delay, in seconds, like 60, 300, 1800." })
      .max(20, { error: "List at most 20 retry delays." })
      .optional(),
  })
  .refine((value) => (value.schedule === "custom") === (value.delaysSeconds !== undefined), {
    message: "Give delaysSeconds exactly when the schedule is custom.",
    path: ["delaysSeconds"],
  });

const secretTooLong = "A signing secret has at most 256 characters.";
const tokenTooLong = "A token has at most 512 characters.";

/**
 * Every setting of a webhook. Secrets are write-only: `null` clears, omitting keeps (on PUT and
 * PATCH). A `standard` webhook created without `secret` gets a generated one; `null` leaves it unsigned.
 */
const webhookFields = {
  name: z.string().trim().min(1, "Give the webhook a name.").max(100, { error: "A name has at most 100 characters." }),
  url: targetUrl,
  scope: z.enum(["org", "project"]).default("org"),
  projectId: z.string().max(64).nullable().default(null),
  projectIds: z
    .array(z.string().max(64))
    .max(100, { error: "Choose at most 100 projects, or a portfolio." })
    .default([]),
  portfolioId: z
    .string()
    .max(64)
    .nullable()
    .default(null)
    .describe(
      "Org-level webhooks: a portfolio (a saved selection of projects) instead of projectIds; the webhook follows the portfolio's projects as they change.",
    ),
  triggers: z.array(z.string().trim().min(1).max(100)).max(100, { error: "Choose at most 100 triggers." }).default([]),
  format: z.enum(webhookFormats).default("standard"),
  secret: z
    .string()
    .max(256, { error: secretTooLong })
    .nullable()
    .optional()
    .describe(
      "Write-only. Setting it replaces the secret at once; to keep the old one valid for 24 h meanwhile, use rotate_secret.",
    ),
  token: z.string().max(512, { error: tokenTooLong }).nullable().optional(),
  headers: headers.default({}),
  secretHeaders: secretHeadersInput.optional(),
  extraPayload: extraPayload.default({}),
  deliveryMode: z.enum(["single", "batched"]).optional(),
  batchWindowMs: wholeNumber("Batch window", {
    min: 1000,
    max: 60_000,
    one: "ms",
    many: "ms",
    of: "milliseconds",
  }).optional(),
  batchMaxSize: wholeNumber("Max batch size", { min: 1, max: 1000, one: "event", many: "events" }).default(100),
  retryPolicy: retryPolicy.optional(),
  timeoutMs: wholeNumber("Timeout", { min: 1000, max: 30_000, one: "ms", many: "ms", of: "milliseconds" }).optional(),
  rateLimitPerSecond: wholeNumber("Rate limit", {
    min: 1,
    max: 1000,
    one: "request per second",
    many: "requests per second",
  })
    .nullable()
    .default(null),
  followUpUrls: z.array(targetUrl).max(maxFollowUps, `At most ${maxFollowUps} follow-up web requests.`).default([]),
  ownerId: z.string().min(1, "Give a member id, or null for no owner.").max(64).nullable().default(null),
  active: z.boolean().default(true),
  activationRequired: z
    .boolean()
    .optional()
    .describe(
      "Whether a new URL waits in `pending` until a test event gets a 2xx. Left out: the format's default (on for standard and deepsource, off for the others).",
    ),
  disableOnGone: z
    .boolean()
    .optional()
    .describe(
      "Whether a 410 Gone disables the webhook at once. Left out: the format's default (on for standard only; the other formats retry a 410 like any failure).",
    ),
};

function checkWebhook(
  value: {
    scope: string;
    projectId: string | null;
    projectIds: string[];
    portfolioId: string | null;
    format: keyof typeof presets;
    secret?: string | null;
    followUpUrls: string[];
    deliveryMode?: "single" | "batched";
  },
  ctx: z.RefinementCtx,
) {
  if (value.scope === "project" && !value.projectId)
    ctx.addIssue({ code: "custom", path: ["projectId"], message: "A project-level webhook needs a projectId." });
  if (value.scope === "project" && value.projectIds.length > 0)
    ctx.addIssue({
      code: "custom",
      path: ["projectIds"],
      message: "projectIds is for org-level webhooks; use projectId.",
    });
  if (value.scope === "org" && value.projectId)
    ctx.addIssue({
      code: "custom",
      path: ["projectId"],
      message: "projectId is for project-level webhooks; use projectIds.",
    });
  if (value.portfolioId && value.scope !== "org")
    ctx.addIssue({ code: "custom", path: ["portfolioId"], message: "A portfolio is a scope for org-level webhooks." });
  if (value.portfolioId && value.projectIds.length > 0)
    ctx.addIssue({ code: "custom", path: ["projectIds"], message: "Choose projects or a portfolio, not both." });
  checkSecret(value, ctx);
  if (value.deliveryMode === "batched" && !batchingFormats.includes(value.format)) {
    ctx.addIssue({
      code: "custom",
      path: ["deliveryMode"],
      message: `A ${presets[value.format].label} request carries one event; batching is for Standard Webhooks and CodeScoring.`,
    });
  }
  if (value.followUpUrls.length > 0 && value.format !== "scorecard") {
    ctx.addIssue({
      code: "custom",
      path: ["followUpUrls"],
      message: "Follow-up web requests are a SecurityScorecard rule feature; choose that format.",
    });
  }
}

const standardSecretPrefix = "whsec_";
function isCanonicalBase64(text: string): boolean {
  try {
    return text !== "" && btoa(atob(text)) === text;
  } catch {
    return false; // not base64 at all
  }
}

/**
 * Why a signing secret will not do for a format, or null. The format's receivers decide how short
 * it may be (DeepSource: 16); a `whsec_` secret must decode, or the signer would skip it.
 */
export function secretProblem(format: keyof typeof presets, secret: string): string | null {
  const minimum = presets[format].minSecretLength;
  if (secret.length < minimum) return `A ${presets[format].label} secret has at least ${minimum} characters.`;
  if (
    format === "standard" &&
    secret.startsWith(standardSecretPrefix) &&
    !isCanonicalBase64(secret.slice(standardSecretPrefix.length))
  ) {
    return "A whsec_ secret is whsec_ followed by base64; leave the prefix out to use the text as it is.";
  }
  return null;
}

function checkSecret(value: { format: keyof typeof presets; secret?: string | null }, ctx: z.RefinementCtx) {
  const problem = value.secret ? secretProblem(value.format, value.secret) : null;
  if (problem) ctx.addIssue({ code: "custom", path: ["secret"], message: problem });
}

export const createWebhookInput = z
  .strictObject(webhookFields)
  .superRefine(
    checkWebhook,
    alongside("scope", "projectId", "projectIds", "portfolioId", "format", "secret", "followUpUrls", "deliveryMode"),
  );
/**
 * PUT: the whole webhook again (secrets may be omitted to keep them). The format is the webhook's
 * identity, not a setting to reset: left out, the stored one stays (checked once merged).
 */
export const replaceWebhookInput = z.strictObject({ ...webhookFields, format: z.enum(webhookFormats).optional() });
type WithoutDefaults<Shape extends z.ZodRawShape> = {
  [Key in keyof Shape]: Shape[Key] extends z.ZodDefault<infer Inner> ? Inner : Shape[Key];
};

function withoutDefaults<Shape extends z.ZodRawShape>(shape: Shape): WithoutDefaults<Shape> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, schema instanceof z.ZodDefault ? schema.unwrap() : schema]),
  ) as WithoutDefaults<Shape>;
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
    secret: z.string().max(256, { error: secretTooLong }).optional(),
    token: z.string().max(512, { error: tokenTooLong }).optional(),
    headers: headers.default({}),
  })
  .superRefine(checkSecret, alongside("format", "secret"));

export type CreateWebhookInput = z.infer<typeof createWebhookInput>;
export type PatchWebhookInput = z.infer<typeof patchWebhookInput>;
export type ReplaceWebhookInput = z.infer<typeof replaceWebhookInput>;

export const sendExampleInput = z.strictObject({
  eventType: z
    .string()
    .trim()
    .min(1, "Choose a trigger.")
    .max(100)
    .describe("A trigger of the organization's catalog that the webhook subscribes to; its example payload is sent."),
});
