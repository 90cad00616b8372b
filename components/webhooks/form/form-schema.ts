import { z } from "zod";
import type { WebhookFormat } from "@/generated/prisma/enums";
import type { TestWebhookInput } from "@/components/deliveries/queries";
import type { ApiError } from "@/lib/client/api";
import { createWebhookInput, testWebhookInput } from "@/lib/webhooks/input-schemas";
import { presets, type RetryScheduleName } from "@/lib/webhooks/presets";
import type { Webhook, WebhookInput } from "@/lib/webhooks/queries";

export interface HeaderRow {
  name: string;
  value: string;
}

/** The form as typed: numbers stay strings until submit so a half-typed value is not lost. */
export interface WebhookFormValues {
  name: string;
  url: string;
  format: WebhookFormat;
  scope: "org" | "project";
  projectIds: string[];
  /** An org-level webhook scoped to a portfolio instead of a list of projects; "" for none. */
  portfolioId: string;
  projectId: string;
  triggers: string[];
  secret: string;
  clearSecret: boolean;
  token: string;
  clearToken: boolean;
  headers: HeaderRow[];
  /** Stored secret headers (shown by name only) to remove on save. */
  removedSecretHeaders: string[];
  extraPayload: string;
  deliveryMode: "single" | "batched";
  batchWindowMs: string;
  batchMaxSize: string;
  timeoutMs: string;
  retrySchedule: RetryScheduleName;
  retryDelays: string;
  rateLimitPerSecond: string;
  /** One URL per line (SecurityScorecard rules with several web requests). */
  followUpUrls: string;
  ownerId: string;
  active: boolean;
  /** A new URL waits for a 2xx to a test event before anything is delivered. */
  activationRequired: boolean;
  /** A 410 Gone disables the webhook at once instead of being retried. */
  disableOnGone: boolean;
}

/** The defaults a format brings; choosing a format fills them in, and they stay editable. */
export function presetFields(format: WebhookFormat) {
  const preset = presets[format];
  return {
    deliveryMode: preset.deliveryMode,
    batchWindowMs: String(preset.batchWindowMs),
    timeoutMs: String(preset.timeoutMs),
    retrySchedule: preset.retrySchedule,
    retryDelays: "",
    activationRequired: preset.activationRequired,
    disableOnGone: preset.disableOnGone,
  } satisfies Partial<WebhookFormValues>;
}

export function newWebhookValues(): WebhookFormValues {
  return {
    name: "",
    url: "",
    format: "standard",
    scope: "org",
    projectIds: [],
    portfolioId: "",
    projectId: "",
    triggers: [],
    secret: "",
    clearSecret: false,
    token: "",
    clearToken: false,
    headers: [],
    removedSecretHeaders: [],
    extraPayload: "",
    batchMaxSize: "100",
    rateLimitPerSecond: "",
    followUpUrls: "",
    ownerId: "",
    active: true,
    ...presetFields("standard"),
  };
}

/** A stored webhook as form values; secrets are never prefilled. */
export function webhookValues(webhook: Webhook): WebhookFormValues {
  return {
    name: webhook.name,
    url: webhook.url,
    format: webhook.format,
    scope: webhook.scope,
    projectIds: webhook.portfolioId ? [] : webhook.projectIds,
    portfolioId: webhook.portfolioId ?? "",
    projectId: webhook.projectId ?? "",
    triggers: webhook.triggers,
    secret: "",
    clearSecret: false,
    token: "",
    clearToken: false,
    headers: Object.entries(webhook.headers).map(([name, value]) => ({ name, value })),
    removedSecretHeaders: [],
    extraPayload: Object.keys(webhook.extraPayload).length > 0 ? JSON.stringify(webhook.extraPayload, null, 2) : "",
    deliveryMode: webhook.deliveryMode,
    batchWindowMs: String(webhook.batchWindowMs),
    batchMaxSize: String(webhook.batchMaxSize),
    timeoutMs: String(webhook.timeoutMs),
    retrySchedule: webhook.retryPolicy.schedule,
    retryDelays: webhook.retryPolicy.delaysSeconds?.join(", ") ?? "",
    rateLimitPerSecond: webhook.rateLimitPerSecond === null ? "" : String(webhook.rateLimitPerSecond),
    followUpUrls: webhook.followUpUrls.join("\n"),
    ownerId: webhook.ownerId ?? "",
    active: webhook.active,
    activationRequired: webhook.activationRequired,
    disableOnGone: webhook.disableOnGone,
  };
}

/** Problems keyed by form field path: `timeoutMs`, `headers.2.name`, `headers.root` (the list as a whole), `root.…` (no field). */
export type FormProblems = Record<string, string>;

/**
 * A number as typed: blank is "not given"; anything but digits is NaN, which the shared schema
 * refuses with its own message ("Timeout must be a whole number of milliseconds.").
 */
function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Header rows as the API's object; a row without a name, or a name given twice, is a problem of that row. */
function parseHeaders(rows: readonly HeaderRow[], problems: FormProblems): Record<string, string> {
  const headers: Record<string, string> = {};
  rows.forEach((row, index) => {
    const name = row.name.trim();
    if (!name && !row.value) return;
    if (!name) problems[`headers.${index}.name`] = "Give the header a name, or remove the row.";
    else if (Object.keys(headers).some((seen) => seen.toLowerCase() === name.toLowerCase()))
      problems[`headers.${index}.name`] = `${name} is listed twice.`;
    else headers[name] = row.value;
  });
  return headers;
}

function parseExtraPayload(text: string, problems: FormProblems): Record<string, unknown> {
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    problems.extraPayload = 'The extra payload must be a JSON object, like {"team": "security"}.';
  } catch (error) {
    problems.extraPayload = `Not valid JSON: ${error instanceof Error ? error.message : "syntax error"}.`;
  }
  return {};
}

const delays = (text: string) =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** A write-only value: blank keeps what is stored (or sets nothing), "clear" sends null. */
function writeOnly(value: string, clear: boolean): string | null | undefined {
  if (clear) return null;
  return value === "" ? undefined : value;
}

/** The request body, and what only the browser can see is wrong with it (JSON syntax, header rows). */
export function toInput(values: WebhookFormValues): { input: WebhookInput; problems: FormProblems } {
  const problems: FormProblems = {};
  const input: WebhookInput = {
    name: values.name,
    url: values.url,
    format: values.format,
    scope: values.scope,
    projectId: values.scope === "project" ? values.projectId || null : null,
    projectIds: values.scope === "org" && !values.portfolioId ? values.projectIds : [],
    portfolioId: values.scope === "org" && values.portfolioId ? values.portfolioId : null,
    triggers: values.triggers,
    secret: writeOnly(values.secret, values.clearSecret),
    token: writeOnly(values.token, values.clearToken),
    headers: parseHeaders(values.headers, problems),
    ...(values.removedSecretHeaders.length > 0
      ? { secretHeaders: Object.fromEntries(values.removedSecretHeaders.map((name) => [name, null])) }
      : {}),
    extraPayload: parseExtraPayload(values.extraPayload, problems),
    deliveryMode: values.deliveryMode,
    batchWindowMs: wholeNumber(values.batchWindowMs),
    batchMaxSize: wholeNumber(values.batchMaxSize),
    timeoutMs: wholeNumber(values.timeoutMs),
    retryPolicy:
      values.retrySchedule === "custom"
        ? { schedule: "custom", delaysSeconds: delays(values.retryDelays) }
        : { schedule: values.retrySchedule },
    rateLimitPerSecond: wholeNumber(values.rateLimitPerSecond) ?? null,
    followUpUrls: values.format === "scorecard" ? lines(values.followUpUrls) : [],
    ownerId: values.ownerId || null,
    active: values.active,
    activationRequired: values.activationRequired,
    disableOnGone: values.disableOnGone,
  };
  return { input, problems };
}

/**
 * Where an API issue path belongs in the form: "retryPolicy.delaysSeconds.0" → "retryDelays",
 * "headers.X-Team" → the row that names X-Team. The same for the browser's own run of the schema
 * and for the server's 422, so a problem shows at the same field whoever found it.
 */
export function formPath(path: string, values: Pick<WebhookFormValues, "headers">): string {
  if (path.startsWith("retryPolicy.delaysSeconds")) return "retryDelays";
  if (path.startsWith("retryPolicy")) return "retrySchedule";
  if (path === "headers" || path.startsWith("secretHeaders")) return "headers.root";
  if (path.startsWith("headers.")) {
    const name = path.slice("headers.".length);
    const row = values.headers.findIndex((header) => header.name.trim() === name);
    return row === -1 ? "headers.root" : `headers.${row}.name`;
  }
  const field = path.split(".")[0] ?? "";
  return field in fieldLabels ? field : "root.form";
}

/**
 * One message per field: the browser's own problems first (a JSON syntax error says more than what
 * the schema makes of the result), then the schema's or the server's issues, joined when several
 * land on one field (two follow-up URLs, two unknown triggers).
 */
export function problemsAt(
  issues: ReadonlyArray<{ path: string; message: string }>,
  values: Pick<WebhookFormValues, "headers">,
  own: FormProblems = {},
): FormProblems {
  const joined: Record<string, string[]> = {};
  for (const { path, message } of issues) {
    const field = formPath(path, values);
    if (field in own) continue;
    const messages = (joined[field] ??= []);
    if (!messages.includes(message)) messages.push(message);
  }
  return {
    ...own,
    ...Object.fromEntries(Object.entries(joined).map(([field, messages]) => [field, messages.join(" ")])),
  };
}

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));

/**
 * The form's schema: the API's own `createWebhookInput`, run on the body the form would send, its
 * issues moved onto the fields they are about. Its output is that body, ready to send.
 */
export const webhookForm = z.custom<WebhookFormValues>().transform((values, ctx): WebhookInput => {
  const { input, problems } = toInput(values);
  const checked = createWebhookInput.safeParse(input);
  const found = problemsAt(checked.success ? [] : issuesOf(checked.error), values, problems);
  for (const [path, message] of Object.entries(found))
    ctx.addIssue({ code: "custom", path: path.split("."), message, input: values });
  return input;
});

/**
 * What "Test it" sends: the target and signing settings as typed, write-only values only when
 * typed; checked by the API's own `testWebhookInput` first, with problems by form field.
 */
/**
 * The test request the form's values describe. A Standard Webhooks test with no secret typed is
 * signed with `previewSecret`, as the saved webhook will be signed with a secret the hub generates:
 * an unsigned test would fail a receiver's check for a reason the saved webhook does not have.
 */
export function checkTestInput(
  values: WebhookFormValues,
  previewSecret: string,
): { input: TestWebhookInput; problems: null; preview: boolean } | { input: null; problems: FormProblems } {
  const problems: FormProblems = {};
  if (!values.url.trim()) problems.url = "Enter a URL to test.";
  const typedSecret = values.clearSecret ? undefined : values.secret || undefined;
  const preview = typedSecret === undefined && values.format === "standard";
  const input: TestWebhookInput = {
    url: values.url.trim(),
    format: values.format,
    secret: preview ? previewSecret : typedSecret,
    token: values.clearToken ? undefined : values.token || undefined,
    headers: parseHeaders(values.headers, problems),
  };
  const checked = testWebhookInput.safeParse(input);
  const found = problemsAt(checked.success ? [] : issuesOf(checked.error), values, problems);
  return Object.keys(found).length > 0 ? { input: null, problems: found } : { input, problems: null, preview };
}

/** A failed request's problems by form field; anything not about a field under `root.form`. */
export function serverProblems(error: ApiError, values: Pick<WebhookFormValues, "headers">): FormProblems {
  const issues = Array.isArray(error.details)
    ? (error.details as Array<{ path: string; message: string }>)
    : Object.entries(error.fieldErrors()).map(([path, message]) => ({ path, message }));
  return problemsAt(issues, values);
}

/** Each field's name as its label says it, in the order the form shows them. */
export const fieldLabels: Record<string, string> = {
  name: "Name",
  url: "URL",
  format: "Format",
  scope: "Scope",
  portfolioId: "Portfolio",
  projectIds: "Projects",
  projectId: "Project",
  triggers: "Triggers",
  secret: "Signing secret",
  token: "Token",
  headers: "Extra headers",
  extraPayload: "Extra payload",
  followUpUrls: "Follow-up web requests",
  deliveryMode: "Delivery mode",
  timeoutMs: "Timeout",
  batchWindowMs: "Batch window",
  batchMaxSize: "Max batch size",
  retrySchedule: "Retry schedule",
  retryDelays: "Retry delays",
  rateLimitPerSecond: "Rate limit",
  activationRequired: "Activate by test event",
  disableOnGone: "410 Gone disables",
  ownerId: "Owner",
  active: "Active",
};

/** A field's label for a list of problems; null for problems that belong to no field. */
export function fieldLabel(path: string, values?: Pick<WebhookFormValues, "headers">): string | null {
  const row = /^headers\.(\d+)\./.exec(path);
  if (row) {
    const name = values?.headers[Number(row[1])]?.name.trim();
    return name ? `Header ${name}` : `Header ${Number(row[1]) + 1}`;
  }
  if (path.startsWith("root.")) return null;
  return fieldLabels[path.split(".")[0] ?? ""] ?? path;
}

/** The element a problem's link moves focus to. */
export const fieldId = (path: string) => `webhook-${path.replace(/\.root$/, "").replace(/\./g, "-")}`;

/** Orders problems as the form shows their fields; header rows in their order. */
export function inFormOrder<Entry extends { path: string }>(entries: Entry[]): Entry[] {
  const order = Object.keys(fieldLabels);
  const rank = (path: string) => {
    const [field = "", row] = path.split(".");
    const position = order.indexOf(field);
    return (position === -1 ? order.length : position) * 1000 + (row && /^\d+$/.test(row) ? Number(row) : 0);
  };
  return [...entries].sort((a, b) => rank(a.path) - rank(b.path));
}
