import "server-only";
import type { Prisma, Webhook, WebhookStatus } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { changedFields } from "@/lib/audit/changes";
import { encryptOptional } from "@/lib/crypto/secrets";
import { generateSecret } from "@/lib/wire/signing";
import { holdDeliveries, releaseHeld } from "@/lib/engine/held";
import { claimWebhooksToWake, wakeWebhooks } from "@/lib/engine/outbox";
import { handOverJobs } from "@/lib/jobs/job-outbox";
import { requestActivation } from "@/lib/engine/request-activation";
import { db, type Db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { pageArgs, toPage } from "@/lib/http/pagination";
import { portfolioProjectIds } from "@/lib/portfolios/portfolios";
import { presets, type RetryScheduleName } from "@/lib/webhooks/presets";
import {
  createWebhookInput,
  webhookOutput,
  type CreatedWebhookOutput,
  type CreateWebhookInput,
  type PatchWebhookInput,
  type ReplaceWebhookInput,
  type WebhookOutput,
} from "@/lib/webhooks/schemas";
import { deliveryProblem } from "@/lib/webhooks/check-target";
import { splitCredentials } from "@/lib/webhooks/target-url";
import {
  credentialColumns,
  plainHeaders,
  readCredentials,
  type WebhookCredentials,
} from "@/lib/webhooks/stored-credentials";
import type { z } from "zod";
import type { webhookListQuery } from "@/lib/webhooks/schemas";

const maxExtraHeaders = 20;

// Secret columns are selected only to report whether they are set; their values never leave here.
const withFlags = {
  omit: {
    secretEncrypted: false,
    tokenEncrypted: false,
    basicAuthEncrypted: false,
    secretHeadersEncrypted: false,
    followUpCredentialsEncrypted: false,
  },
  include: { projects: { select: { id: true } }, _count: { select: { deliveries: { where: { status: "held" } } } } },
} as const;

type StoredWebhook = Omit<Webhook, "previousSecretEncrypted"> & {
  projects: Array<{ id: string }>;
  _count: { deliveries: number };
};

function toOutput(row: StoredWebhook): WebhookOutput {
  const credentials = readCredentials(row);
  return webhookOutput.parse({
    ...row,
    headers: plainHeaders(row.headers as Record<string, string>),
    secretHeaderNames: Object.keys(credentials.secretHeaders),
    followUpUrls: credentials.followUps.map((followUp) => followUp.url),
    followUpBasicAuthSet: credentials.followUps.map((followUp) => followUp.basicAuth !== null),
    scope: row.projectId ? "project" : "org",
    projectIds: row.projects.map((project) => project.id),
    secretSet: row.secretEncrypted !== null,
    previousSecretValidUntil:
      row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date() ? row.previousSecretExpiresAt : null,
    tokenSet: row.tokenEncrypted !== null,
    basicAuthSet: row.basicAuthEncrypted !== null,
    retryPolicy:
      row.retrySchedule === "custom"
        ? { schedule: "custom", delaysSeconds: row.retryDelaysSeconds }
        : { schedule: row.retrySchedule as RetryScheduleName },
    active: row.status !== "paused",
    heldDeliveries: row._count.deliveries,
  });
}

/**
 * What an update's audit entry compares: the settings as the API shows them, and the write-only
 * ones (secret, token, URL credentials, secret headers, follow-up credentials), which are compared
 * here and recorded only as changed, never by value.
 */
function auditedSettings(row: StoredWebhook) {
  const shown = toOutput(row);
  const credentials = readCredentials(row);
  return {
    name: shown.name,
    url: shown.url,
    scope: shown.scope,
    projectId: shown.projectId,
    projectIds: [...shown.projectIds].sort(),
    portfolioId: shown.portfolioId,
    triggers: shown.triggers,
    format: shown.format,
    headers: shown.headers,
    extraPayload: shown.extraPayload,
    deliveryMode: shown.deliveryMode,
    batchWindowMs: shown.batchWindowMs,
    batchMaxSize: shown.batchMaxSize,
    retryPolicy: shown.retryPolicy,
    timeoutMs: shown.timeoutMs,
    rateLimitPerSecond: shown.rateLimitPerSecond,
    followUpUrls: shown.followUpUrls,
    ownerId: shown.ownerId,
    activationRequired: shown.activationRequired,
    disableOnGone: shown.disableOnGone,
    status: shown.status,
    // Ciphertexts change only when a save sets the value; the decrypted ones are rewritten on every save.
    secret: row.secretEncrypted,
    token: row.tokenEncrypted,
    basicAuth: row.basicAuthEncrypted,
    secretHeaders: credentials.secretHeaders,
    followUpCredentials: credentials.followUps.map((followUp) => followUp.basicAuth),
  };
}

const writeOnlySettings = ["secret", "token", "basicAuth", "secretHeaders", "followUpCredentials"] as const;

/** The app client or a transaction: a write's answer is read in its own transaction. */
type WebhookReader = Pick<Db, "webhook">;

async function findStored(orgId: string, id: string, client: WebhookReader = db): Promise<StoredWebhook> {
  const row = await client.webhook.findFirst({ where: { id, orgId }, ...withFlags });
  if (!row) throw notFound("Webhook");
  return row;
}

type Issue = { path: string; message: string };

/** Every address a webhook sends to passes the SSRF guard when it is saved (and again at every send). */
async function addressIssues({ url, followUpUrls }: { url?: string; followUpUrls: string[] }): Promise<Issue[]> {
  const problems = await Promise.all([
    ...(url !== undefined ? [deliveryProblem(url)] : []),
    ...followUpUrls.map((followUp, index) => deliveryProblem(followUp, `followUpUrls.${index}`)),
  ]);
  return problems.filter((problem) => problem !== null);
}

/** Project ids, trigger names and the owner must all exist in this org; each miss names its field. */
async function referenceIssues(orgId: string, input: CreateWebhookInput): Promise<Issue[]> {
  const issues: Issue[] = [];
  const projectIds = [...new Set([...input.projectIds, ...(input.projectId ? [input.projectId] : [])])];
  if (projectIds.length > 0) {
    const found = new Set(
      (await db.project.findMany({ where: { orgId, id: { in: projectIds } }, select: { id: true } })).map(
        (project) => project.id,
      ),
    );
    for (const id of projectIds)
      if (!found.has(id))
        issues.push({
          path: input.projectId === id ? "projectId" : "projectIds",
          message: `No project ${id} in this organization.`,
        });
  }
  if (input.triggers.length > 0) {
    const known = new Set(
      (await db.eventType.findMany({ where: { orgId, name: { in: input.triggers } }, select: { name: true } })).map(
        (type) => type.name,
      ),
    );
    for (const name of input.triggers)
      if (!known.has(name))
        issues.push({ path: "triggers", message: `Unknown trigger "${name}". See GET /api/v1/webhooks/triggers.` });
  }
  if (input.ownerId !== null && !(await db.member.findFirst({ where: { orgId, id: input.ownerId } }))) {
    issues.push({ path: "ownerId", message: "The owner must be a member of this organization." });
  }
  return issues;
}

/** What the schema cannot see, checked together so one answer lists every problem (the form shows them all at once). */
async function checkSaveable(
  orgId: string,
  input: CreateWebhookInput,
  addresses: { url?: string; followUpUrls: string[] },
) {
  const [references, blocked] = await Promise.all([referenceIssues(orgId, input), addressIssues(addresses)]);
  if (references.length === 0 && blocked.length === 0) return;
  const message =
    blocked.length === 0
      ? "The webhook refers to things that do not exist."
      : references.length === 0
        ? "The hub does not deliver to this address."
        : "The request is not valid.";
  throw new AppError("validation_failed", message, [...references, ...blocked]);
}

/** The projects an org-level webhook selects: its portfolio's (which it then follows), or its own list. */
async function selectedProjects(orgId: string, input: CreateWebhookInput): Promise<Array<{ id: string }>> {
  if (input.scope !== "org") return [];
  const ids = input.portfolioId ? await portfolioProjectIds(orgId, input.portfolioId) : input.projectIds;
  return ids.map((id) => ({ id }));
}

/** SonarQube's limits: 10 webhooks per project and 10 org-level ones, configurable per org. */
async function checkLimits(orgId: string, input: CreateWebhookInput, exceptId?: string) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
  const others = exceptId ? { NOT: { id: exceptId } } : {};
  const [count, limit, level] = input.projectId
    ? [
        await db.webhook.count({ where: { orgId, projectId: input.projectId, ...others } }),
        org.webhookLimitPerProject,
        "this project",
      ]
    : [
        await db.webhook.count({ where: { orgId, projectId: null, ...others } }),
        org.webhookLimitOrg,
        "the organization level",
      ];
  if (count >= limit)
    throw new AppError(
      "limit_reached",
      `${level[0]!.toUpperCase()}${level.slice(1)} already has ${limit} webhooks, the most allowed.`,
      { limit },
    );
}

/** Stored columns for a validated webhook; the preset fills what the input leaves open. */
function columns(input: CreateWebhookInput, stored: WebhookCredentials | null) {
  const preset = presets[input.format];
  const credentials = credentialColumns(input, stored);
  if (Object.keys(credentials.headers).length + credentials.secretHeaderNames.length > maxExtraHeaders) {
    throw new AppError("validation_failed", "The request is not valid.", [
      { path: "headers", message: `At most ${maxExtraHeaders} extra headers, secret ones included.` },
    ]);
  }
  const { url } = splitCredentials(input.url);
  const retry = input.retryPolicy ?? { schedule: preset.retrySchedule };
  return {
    name: input.name,
    url,
    projectId: input.scope === "project" ? input.projectId : null,
    portfolioId: input.scope === "org" ? input.portfolioId : null,
    triggers: input.triggers,
    format: input.format,
    headers: credentials.headers,
    ...credentials.columns,
    extraPayload: input.extraPayload as Prisma.InputJsonObject,
    deliveryMode: input.deliveryMode ?? preset.deliveryMode,
    batchWindowMs: input.batchWindowMs ?? preset.batchWindowMs,
    batchMaxSize: input.batchMaxSize,
    retrySchedule: retry.schedule,
    retryDelaysSeconds: retry.schedule === "custom" ? (retry.delaysSeconds ?? []) : [],
    timeoutMs: input.timeoutMs ?? preset.timeoutMs,
    rateLimitPerSecond: input.rateLimitPerSecond,
    followUpUrls: credentials.followUpUrls,
    ownerId: input.ownerId,
    activationRequired: input.activationRequired ?? preset.activationRequired,
    disableOnGone: input.disableOnGone ?? preset.disableOnGone,
  };
}

/**
 * Write-only values: a string sets, null clears, undefined keeps what is stored. A secret set here
 * replaces the old one at once, ending any rotation overlap; rotate-secret.ts keeps it for 24 h.
 */
function secretColumns(input: Pick<PatchWebhookInput, "secret" | "token" | "url">, storedUrl?: string) {
  return {
    ...(input.secret !== undefined
      ? { secretEncrypted: encryptOptional(input.secret), previousSecretEncrypted: null, previousSecretExpiresAt: null }
      : {}),
    ...(input.token !== undefined ? { tokenEncrypted: encryptOptional(input.token) } : {}),
    ...(input.url !== undefined ? basicAuthColumn(input.url, storedUrl) : {}),
  };
}

/**
 * Credentials in the URL set Basic auth. The stored URL sent back without them (it is all a client
 * ever sees, as on a PUT from the edit form) keeps them; any other URL replaces them.
 */
function basicAuthColumn(raw: string, storedUrl?: string) {
  const { url, basicAuth } = splitCredentials(raw);
  if (basicAuth === null && url === storedUrl) return {};
  return { basicAuthEncrypted: encryptOptional(basicAuth) };
}

/**
 * Where activation is on, a new URL needs it again; pausing and resuming keep an activated URL
 * active. Where it is off, a webhook delivers from the moment it is saved, and a new URL gives a
 * disabled one a fresh start.
 */
function nextStatus(
  current: Pick<Webhook, "status" | "activatedAt"> | null,
  active: boolean,
  urlChanged: boolean,
  activationRequired: boolean,
): { status: WebhookStatus; activatedAt?: null } {
  const reset = urlChanged ? { activatedAt: null } : {};
  if (!active) return { status: "paused", ...reset };
  if (activationRequired && (urlChanged || !current?.activatedAt)) return { status: "pending", ...reset };
  if (!current) return { status: "active" };
  const waiting =
    current.status === "paused" || current.status === "pending" || (urlChanged && current.status === "disabled");
  return { status: waiting ? "active" : current.status, ...reset };
}

/** Standard Webhooks receivers expect a signature: a standard webhook created without a secret gets one. */
function secretToGenerate(input: CreateWebhookInput): string | undefined {
  return input.format === "standard" && input.secret === undefined ? generateSecret() : undefined;
}

/** The new webhook, and the secret the hub generated for it (shown this once). */
export async function createWebhook(
  orgId: string,
  actor: Actor,
  input: CreateWebhookInput,
): Promise<CreatedWebhookOutput> {
  await checkSaveable(orgId, input, input);
  await checkLimits(orgId, input);
  const data = columns(input, null);
  const selection = await selectedProjects(orgId, input);
  const generated = secretToGenerate(input);
  // The change and its audit entry commit together or not at all.
  const row = await db.$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: {
        orgId,
        ...data,
        ...secretColumns({ ...input, secret: generated ?? input.secret }),
        ...nextStatus(null, input.active, true, data.activationRequired),
        projects: { connect: selection },
      },
      ...withFlags,
    });
    await recordAudit(
      orgId,
      actor,
      "webhook.created",
      { type: "webhook", id: created.id },
      {
        name: created.name,
        url: created.url,
        format: created.format,
        ...(generated ? { secret: "generated (value hidden)" } : {}),
      },
      tx,
    );
    const activation = created.status === "pending" ? await requestActivation(tx, orgId, created.id) : null;
    return { ...created, activation };
  });
  if (row.activation) handOverJobs([row.activation]);
  return { ...toOutput(row), ...(generated ? { secret: generated } : {}) };
}

/** The stored webhook in input shape (secrets left out: undefined keeps them), so PATCH can merge onto it. */
function asInput(row: StoredWebhook): CreateWebhookInput {
  const output = toOutput(row);
  return {
    name: output.name,
    url: output.url,
    scope: output.scope,
    projectId: output.projectId,
    // A portfolio's projects come from the portfolio, not from the webhook.
    projectIds: output.portfolioId ? [] : output.projectIds,
    portfolioId: output.portfolioId,
    triggers: output.triggers,
    format: output.format,
    headers: output.headers,
    extraPayload: output.extraPayload,
    deliveryMode: output.deliveryMode,
    batchWindowMs: output.batchWindowMs,
    batchMaxSize: output.batchMaxSize,
    retryPolicy: output.retryPolicy,
    timeoutMs: output.timeoutMs,
    rateLimitPerSecond: output.rateLimitPerSecond,
    followUpUrls: output.followUpUrls,
    ownerId: output.ownerId,
    active: output.active,
    activationRequired: output.activationRequired,
    disableOnGone: output.disableOnGone,
  };
}

export async function updateWebhook(
  orgId: string,
  actor: Actor,
  id: string,
  patch: PatchWebhookInput | ReplaceWebhookInput,
  mode: "replace" | "merge",
): Promise<WebhookOutput> {
  const stored = await findStored(orgId, id);
  const base = asInput(stored);
  // Switching scope in a PATCH drops the other scope's field instead of failing on it.
  if (patch.scope === "project") base.projectIds = [];
  if (patch.scope === "org") base.projectId = null;
  // Naming projects, or a project-level scope, replaces a portfolio.
  if ((patch.projectIds !== undefined || patch.scope === "project") && patch.portfolioId === undefined)
    base.portfolioId = null;
  // A new format brings its own delivery mode and outcome rules unless the patch names them.
  if (patch.format !== undefined && patch.format !== base.format) {
    if (patch.deliveryMode === undefined) base.deliveryMode = undefined;
    if (patch.activationRequired === undefined) base.activationRequired = undefined;
    if (patch.disableOnGone === undefined) base.disableOnGone = undefined;
  }
  // PUT replaces the settings it names; the format is identity, so a PUT without one keeps it.
  const merged = createWebhookInput.parse(
    mode === "merge" ? { ...base, ...stripUndefined(patch) } : { ...patch, format: patch.format ?? stored.format },
  );
  await checkSaveable(orgId, merged, {
    url: patch.url === undefined ? undefined : merged.url,
    followUpUrls: patch.followUpUrls === undefined ? [] : merged.followUpUrls,
  });
  if ((merged.projectId ?? null) !== stored.projectId) await checkLimits(orgId, merged, id);
  const data = columns(merged, readCredentials(stored));
  const selection = await selectedProjects(orgId, merged);
  const urlChanged = patch.url !== undefined && data.url !== stored.url;
  const status = nextStatus(stored, merged.active, urlChanged, data.activationRequired);
  const now = new Date();
  // One write, keyed by id and org (a webhook deleted meanwhile answers 404), committed with its
  // audit entry, which records what this write changed: the row is locked and read first, as the
  // UPDATE would lock it. Pausing holds the webhook's waiting deliveries; resuming it (to active)
  // sends what was held, in order. The answer is read in the transaction too: once it commits,
  // nothing left to do can turn a saved change into an error.
  const saved = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Webhook" WHERE id = ${id} AND "orgId" = ${orgId} FOR NO KEY UPDATE`;
    const before = await tx.webhook.findFirst({ where: { id, orgId }, ...withFlags });
    if (!before) throw notFound("Webhook");
    const after = await tx.webhook.update({
      where: { id, orgId },
      data: {
        ...data,
        ...secretColumns(patch, stored.url),
        ...status,
        projects: { set: selection },
      },
      ...withFlags,
    });
    await recordAudit(
      orgId,
      actor,
      mode === "merge" ? "webhook.updated" : "webhook.replaced",
      { type: "webhook", id },
      { name: merged.name, changes: changedFields(auditedSettings(before), auditedSettings(after), writeOnlySettings) },
      tx,
    );
    const activation =
      status.status === "pending" && stored.status !== "pending" ? await requestActivation(tx, orgId, id) : null;
    if (status.status === "paused" && stored.status !== "paused") await holdDeliveries(tx, id, now);
    const released =
      (status.status === "active" || status.status === "failing") && (await releaseHeld(tx, id, now)) > 0;
    const wake = released ? await claimWebhooksToWake(tx, [id], now) : [];
    return { row: await findStored(orgId, id, tx), activation, wake };
  });
  // In the background, as a publish does: the answer does not wait on Inngest.
  void wakeWebhooks(saved.wake);
  if (saved.activation) handOverJobs([saved.activation]);
  return toOutput(saved.row);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

export async function getWebhook(orgId: string, id: string, client: WebhookReader = db): Promise<WebhookOutput> {
  return toOutput(await findStored(orgId, id, client));
}

export async function deleteWebhook(orgId: string, actor: Actor, id: string): Promise<void> {
  const stored = await findStored(orgId, id);
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhook.deleteMany({ where: { id, orgId } });
    if (count === 0) throw notFound("Webhook");
    await recordAudit(
      orgId,
      actor,
      "webhook.deleted",
      { type: "webhook", id },
      { name: stored.name, url: stored.url },
      tx,
    );
  });
}

/** `projectId` filters to the webhooks that apply to that project; `trigger` to those it would fire for. */
export async function listWebhooks(orgId: string, query: z.infer<typeof webhookListQuery>) {
  const where: Prisma.WebhookWhereInput = {
    orgId,
    ...(query.status ? { status: query.status } : {}),
    AND: [
      query.projectId
        ? {
            OR: [
              { projectId: query.projectId },
              { projectId: null, projects: { none: {} } },
              { projectId: null, projects: { some: { id: query.projectId } } },
            ],
          }
        : {},
      query.trigger ? { OR: [{ triggers: { has: query.trigger } }, { triggers: { isEmpty: true } }] } : {},
    ],
  };
  const rows = await db.webhook.findMany({ ...withFlags, ...pageArgs(orgId, query, where) });
  const page = toPage(orgId, rows, query.limit);
  return { ...page, data: page.data.map(toOutput) };
}
