import "server-only";
import { z, ZodError } from "zod";
import type { Actor } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { probeAndRead, testUnsavedTarget } from "@/lib/engine/probe";
import { listEventTypes } from "@/lib/event-types/event-types";
import { AppError, notFound } from "@/lib/http/errors";
import { createWebhookInput, testWebhookInput, type WebhookOutput } from "@/lib/webhooks/schemas";
import { createWebhook, deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/webhooks";

/*
 * CodeScoring's webhook API (seed 000) on the hub: the seed's paths under /api/settings/webhooks,
 * its form's fields (Name, URL, Projects, Events, Token), always the CodeScoring format. Each call
 * maps onto the native webhook functions, so validation, the SSRF guard, limits and audit are the
 * same; the surface sees and manages only CodeScoring webhooks.
 */

const fields = {
  name: z.string().describe("Name in the hub."),
  url: z.string().describe("Address with the protocol, e.g. http://webhook.com/."),
  projects: z
    .array(z.string().max(64))
    .max(100)
    .default([])
    .describe("Projects (ids or keys) the webhook applies to; empty means all projects."),
  events: z.array(z.string().max(100)).max(100).default([]).describe("Triggers that fire it; empty means all."),
  token: z
    .string()
    .max(512)
    .nullable()
    .optional()
    .describe("Sent as X-CodeScoring-Authentication. Write-only: null clears it, omitting keeps it."),
};

export const codescoringWebhookInput = z.strictObject(fields);
export const codescoringPatchInput = z
  .strictObject({ ...fields, projects: fields.projects.unwrap(), events: fields.events.unwrap() })
  .partial();
/** "Test it": the form as filled in; only the URL and token matter to the test. */
export const codescoringTestInput = z
  .object({ url: z.string(), token: z.string().max(512).optional() })
  .describe("The form's fields; name, projects and events are accepted and ignored.");

export const codescoringWebhookOutput = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  projects: z.array(z.string()).describe("Project ids; empty means all projects."),
  events: z.array(z.string()),
  has_token: z.boolean().describe("Whether a token is set (its value is never shown)."),
  is_active: z.boolean().describe("False while the webhook is paused, awaiting activation or disabled."),
  status: z.enum(["pending", "active", "failing", "disabled", "paused"]),
  status_reason: z.string().nullable(),
  created_at: z.date(),
  updated_at: z.date(),
});

export const codescoringTriggerOutput = z.object({ trigger: z.string(), name: z.string() });

export type CodescoringWebhookOutput = z.infer<typeof codescoringWebhookOutput>;

function toCodescoring(webhook: WebhookOutput): CodescoringWebhookOutput {
  return codescoringWebhookOutput.parse({
    id: webhook.id,
    name: webhook.name,
    url: webhook.url,
    projects: webhook.projectIds,
    events: webhook.triggers,
    has_token: webhook.tokenSet,
    is_active: webhook.status === "active" || webhook.status === "failing",
    status: webhook.status,
    status_reason: webhook.statusReason,
    created_at: webhook.createdAt,
    updated_at: webhook.updatedAt,
  });
}

const fieldNames: Record<string, string> = { projectIds: "projects", triggers: "events" };

/** Validation problems named by the fields a CodeScoring client sent (events, not triggers). */
async function inCodescoringTerms<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const issues =
      error instanceof ZodError
        ? error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }))
        : error instanceof AppError && error.code === "validation_failed" && Array.isArray(error.details)
          ? (error.details as Array<{ path: string; message: string }>)
          : null;
    if (!issues) throw error;
    const renamed = issues.map(({ path, message }) => ({
      path: path.replace(/^\w+/, (field) => fieldNames[field] ?? field),
      message: message.replace("GET /api/v1/webhooks/triggers", "GET /api/settings/webhooks/triggers/"),
    }));
    throw new AppError(
      "validation_failed",
      error instanceof AppError ? error.message : "The request is not valid.",
      renamed,
    );
  }
}

/** Projects by id or key, as ids; each one not in this org is a 422 on `projects`. */
async function projectIds(orgId: string, references: string[]): Promise<string[]> {
  if (references.length === 0) return [];
  const found = await db.project.findMany({
    where: { orgId, OR: [{ id: { in: references } }, { key: { in: references } }] },
    select: { id: true, key: true },
  });
  const missing = references.filter(
    (reference) => !found.some((project) => project.id === reference || project.key === reference),
  );
  if (missing.length > 0)
    throw new AppError(
      "validation_failed",
      "The webhook refers to projects that do not exist.",
      missing.map((reference) => ({ path: "projects", message: `No project ${reference} in this organization.` })),
    );
  return [
    ...new Set(
      references.map((reference) => found.find((project) => project.id === reference || project.key === reference)!.id),
    ),
  ];
}

/** A CodeScoring webhook of this org; any other webhook is not part of this surface. */
async function findCodescoring(orgId: string, id: string): Promise<WebhookOutput> {
  const webhook = await getWebhook(orgId, id);
  if (webhook.format !== "codescoring") throw notFound("Webhook");
  return webhook;
}

export async function listCodescoringWebhooks(orgId: string): Promise<CodescoringWebhookOutput[]> {
  const rows = await db.webhook.findMany({
    where: { orgId, format: "codescoring" },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return Promise.all(rows.map(async (row) => toCodescoring(await getWebhook(orgId, row.id))));
}

export async function getCodescoringWebhook(orgId: string, id: string): Promise<CodescoringWebhookOutput> {
  return toCodescoring(await findCodescoring(orgId, id));
}

export async function createCodescoringWebhook(
  orgId: string,
  actor: Actor,
  input: z.infer<typeof codescoringWebhookInput>,
): Promise<CodescoringWebhookOutput> {
  return inCodescoringTerms(async () => {
    const native = createWebhookInput.parse({
      name: input.name,
      url: input.url,
      projectIds: await projectIds(orgId, input.projects),
      triggers: input.events,
      format: "codescoring",
      token: input.token,
    });
    return toCodescoring(await createWebhook(orgId, actor, native));
  });
}

/** PUT replaces the four settings (projects and events default to all); PATCH changes those it names. */
export async function updateCodescoringWebhook(
  orgId: string,
  actor: Actor,
  id: string,
  input: z.infer<typeof codescoringPatchInput>,
  mode: "replace" | "merge",
): Promise<CodescoringWebhookOutput> {
  await findCodescoring(orgId, id);
  return inCodescoringTerms(async () => {
    const patch = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.projects !== undefined
        ? { scope: "org" as const, projectIds: await projectIds(orgId, input.projects) }
        : {}),
      ...(input.events !== undefined ? { triggers: input.events } : {}),
      ...(input.token !== undefined ? { token: input.token } : {}),
    };
    // A replace keeps the webhook's other settings (delivery, schedule, pause): the CodeScoring form has only these.
    return toCodescoring(
      await updateWebhook(
        orgId,
        actor,
        id,
        mode === "replace" ? { scope: "org" as const, projectIds: [], triggers: [], ...patch } : patch,
        "merge",
      ),
    );
  });
}

export async function deleteCodescoringWebhook(orgId: string, actor: Actor, id: string): Promise<void> {
  await findCodescoring(orgId, id);
  await deleteWebhook(orgId, actor, id);
}

export async function refreshCodescoringWebhook(orgId: string, id: string) {
  await findCodescoring(orgId, id);
  const { result, read: webhook } = await probeAndRead(orgId, id, (tx) => getWebhook(orgId, id, tx));
  return { webhook: toCodescoring(webhook), result };
}

export async function testCodescoringTarget(input: z.infer<typeof codescoringTestInput>) {
  return testUnsavedTarget(
    testWebhookInput.parse({ url: input.url, format: "codescoring", ...(input.token ? { token: input.token } : {}) }),
  );
}

/** The trigger catalog as CodeScoring lists it: each trigger value with its event name. */
export async function listCodescoringTriggers(orgId: string): Promise<z.infer<typeof codescoringTriggerOutput>[]> {
  return (await listEventTypes(orgId)).map((type) => ({ trigger: type.name, name: type.description || type.name }));
}
