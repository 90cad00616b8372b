import type { WebhookFormat } from "@/generated/prisma/enums";
import { presets, type RetryScheduleName } from "@/lib/webhooks/presets";
import type { Webhook, WebhookInput } from "@/lib/webhooks/queries";
import type { TestWebhookInput } from "@/components/deliveries/queries";

export interface HeaderRow {
  key: number;
  name: string;
  value: string;
}

/** The form as typed: numbers stay strings until submit so a half-typed value is not lost. */
export interface WebhookFormState {
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
  /** Secret headers already stored: shown by name only. */
  secretHeaderNames: string[];
  /** Stored secret headers to remove on save. */
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

/** Messages keyed by form field; header rows use `headers.<name>`. */
export type FormErrors = Record<string, string>;

export interface SectionProps {
  state: WebhookFormState;
  update: (patch: Partial<WebhookFormState>) => void;
  errors: FormErrors;
}

let nextHeaderKey = 0;
export const headerRow = (name = "", value = ""): HeaderRow => ({ key: nextHeaderKey++, name, value });

/** The defaults a format brings; choosing a format fills them in, and they stay editable. */
export function presetFields(format: WebhookFormat): Partial<WebhookFormState> {
  const preset = presets[format];
  return {
    format,
    deliveryMode: preset.deliveryMode,
    batchWindowMs: String(preset.batchWindowMs),
    timeoutMs: String(preset.timeoutMs),
    retrySchedule: preset.retrySchedule,
    retryDelays: "",
    activationRequired: preset.activationRequired,
    disableOnGone: preset.disableOnGone,
  };
}

export function newWebhookState(): WebhookFormState {
  return {
    name: "",
    url: "",
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
    secretHeaderNames: [],
    removedSecretHeaders: [],
    extraPayload: "",
    batchMaxSize: "100",
    rateLimitPerSecond: "",
    followUpUrls: "",
    ownerId: "",
    active: true,
    ...(presetFields("standard") as Pick<
      WebhookFormState,
      "format" | "deliveryMode" | "batchWindowMs" | "timeoutMs" | "retrySchedule" | "retryDelays" | "activationRequired" | "disableOnGone"
    >),
  };
}

/** A stored webhook as form values; secrets are never prefilled. */
export function webhookState(webhook: Webhook): WebhookFormState {
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
    headers: Object.entries(webhook.headers).map(([name, value]) => headerRow(name, value)),
    secretHeaderNames: webhook.secretHeaderNames,
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

function wholeNumber(value: string, field: string, errors: FormErrors): number | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (!/^\d+$/.test(trimmed)) {
    errors[field] = "Enter a whole number.";
    return undefined;
  }
  return Number(trimmed);
}

function parseHeaders(rows: HeaderRow[], errors: FormErrors): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (!name && !row.value) continue;
    if (!name) errors.headers = "Give every header a name, or remove the row.";
    else if (Object.keys(headers).some((seen) => seen.toLowerCase() === name.toLowerCase())) errors[`headers.${name}`] = `${name} is listed twice.`;
    else headers[name] = row.value;
  }
  return headers;
}

function parseExtraPayload(text: string, errors: FormErrors): Record<string, unknown> {
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    errors.extraPayload = "The extra payload must be a JSON object, like {\"team\": \"security\"}.";
  } catch (error) {
    errors.extraPayload = `Not valid JSON: ${error instanceof Error ? error.message : "syntax error"}.`;
  }
  return {};
}

function parseDelays(text: string, errors: FormErrors): number[] {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || parts.some((part) => !/^\d+$/.test(part))) {
    errors.retryDelays = "List the delays in seconds, separated by commas, e.g. 60, 300, 1800.";
    return [];
  }
  return parts.map(Number);
}

/** A write-only value: blank keeps what is stored (or sets nothing), "clear" sends null. */
const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);

function writeOnly(value: string, clear: boolean): string | null | undefined {
  if (clear) return null;
  return value === "" ? undefined : value;
}

/** The request body, or the problems the browser can already see (JSON syntax, numbers). */
export function toInput(state: WebhookFormState): { input: WebhookInput; errors: null } | { input: null; errors: FormErrors } {
  const errors: FormErrors = {};
  const input: WebhookInput = {
    name: state.name,
    url: state.url,
    format: state.format,
    scope: state.scope,
    projectId: state.scope === "project" ? state.projectId || null : null,
    projectIds: state.scope === "org" && !state.portfolioId ? state.projectIds : [],
    portfolioId: state.scope === "org" && state.portfolioId ? state.portfolioId : null,
    triggers: state.triggers,
    secret: writeOnly(state.secret, state.clearSecret),
    token: writeOnly(state.token, state.clearToken),
    headers: parseHeaders(state.headers, errors),
    ...(state.removedSecretHeaders.length > 0 ? { secretHeaders: Object.fromEntries(state.removedSecretHeaders.map((name) => [name, null])) } : {}),
    extraPayload: parseExtraPayload(state.extraPayload, errors),
    deliveryMode: state.deliveryMode,
    batchWindowMs: wholeNumber(state.batchWindowMs, "batchWindowMs", errors),
    batchMaxSize: wholeNumber(state.batchMaxSize, "batchMaxSize", errors),
    timeoutMs: wholeNumber(state.timeoutMs, "timeoutMs", errors),
    retryPolicy:
      state.retrySchedule === "custom"
        ? { schedule: "custom", delaysSeconds: parseDelays(state.retryDelays, errors) }
        : { schedule: state.retrySchedule },
    rateLimitPerSecond: wholeNumber(state.rateLimitPerSecond, "rateLimitPerSecond", errors) ?? null,
    followUpUrls: state.format === "scorecard" ? lines(state.followUpUrls) : [],
    ownerId: state.ownerId || null,
    active: state.active,
    activationRequired: state.activationRequired,
    disableOnGone: state.disableOnGone,
  };
  return Object.keys(errors).length > 0 ? { input: null, errors } : { input, errors: null };
}

/** What "Test it" sends: the target and signing settings as typed; write-only values only when typed. */
export function toTestInput(state: WebhookFormState): { input: TestWebhookInput; errors: null } | { input: null; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!state.url.trim()) errors.url = "Enter a URL to test.";
  const input: TestWebhookInput = {
    url: state.url.trim(),
    format: state.format,
    secret: state.clearSecret ? undefined : state.secret || undefined,
    token: state.clearToken ? undefined : state.token || undefined,
    headers: parseHeaders(state.headers, errors),
  };
  return Object.keys(errors).length > 0 ? { input: null, errors } : { input, errors: null };
}

/** Where a server issue path belongs in the form: "retryPolicy.delaysSeconds.0" → "retryDelays". */
export function formField(path: string): string {
  if (path.startsWith("retryPolicy.delaysSeconds")) return "retryDelays";
  if (path.startsWith("retryPolicy")) return "retrySchedule";
  if (path.startsWith("headers.")) return path;
  return path.split(".")[0] || "form";
}

export function toFormErrors(fieldErrors: Record<string, string>): FormErrors {
  const errors: FormErrors = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const field = formField(path);
    errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
  }
  return errors;
}

export const fieldLabels: Record<string, string> = {
  name: "Name",
  url: "URL",
  format: "Format",
  scope: "Scope",
  projectId: "Project",
  projectIds: "Projects",
  portfolioId: "Portfolio",
  triggers: "Triggers",
  secret: "Signing secret",
  token: "Token",
  headers: "Extra headers",
  extraPayload: "Extra payload",
  deliveryMode: "Delivery mode",
  batchWindowMs: "Batch window",
  batchMaxSize: "Max batch size",
  timeoutMs: "Timeout",
  retrySchedule: "Retry schedule",
  retryDelays: "Retry delays",
  rateLimitPerSecond: "Rate limit",
  followUpUrls: "Follow-up web requests",
  ownerId: "Owner",
  active: "Active",
  activationRequired: "Activate by test event",
  disableOnGone: "410 Gone disables",
  form: "Webhook",
};

export function fieldLabel(field: string): string {
  if (field.startsWith("headers.")) return `Header ${field.slice("headers.".length)}`;
  return fieldLabels[field] ?? field;
}
