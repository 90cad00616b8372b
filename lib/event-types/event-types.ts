import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { compilePayloadSchema } from "@/lib/event-types/payload-validator";
import { forgetCatalog } from "@/lib/event-types/trigger-cache";
import { schemaLimits } from "@/lib/event-types/schema-guard";
import { AppError, notFound } from "@/lib/http/errors";
import { changedFields } from "@/lib/audit/changes";

const payloadSchemaField = z
  .record(z.string(), z.unknown())
  .nullable()
  .superRefine((schema, ctx) => {
    if (!schema) return;
    for (const problem of compilePayloadSchema(schema).problems) {
      ctx.addIssue({ code: "custom", message: problem.message, path: problem.path ? problem.path.split(".") : [] });
    }
  })
  .describe(
    `A JSON Schema (draft 2020-12) that every payload of this trigger must match. Self-contained: \`$ref\` only to \`#/$defs/<name>\`, ` +
      `without cycles; no \`$id\`, \`$anchor\` or \`$dynamicRef\`. At most ${schemaLimits.maxBytes / 1024} KB and ${schemaLimits.maxDepth} levels deep. ` +
      `\`pattern\` and \`patternProperties\` use RE2 syntax (no backreferences or lookaround; at most ${schemaLimits.maxPatternLength} characters each, bounded in total complexity). ` +
      `\`uniqueItems\` needs scalar \`items\` or \`maxItems\` ≤ ${schemaLimits.maxUniqueItems}. \`format\` is an annotation and is not checked.`,
  );
const descriptionField = z.string().trim().max(500);
const examplePayloadField = z.record(z.string(), z.unknown()).nullable();

export const createEventTypeInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(
      /^[a-z0-9][a-z0-9_.:-]*$/,
      "Use lowercase letters, digits, '_', '.', ':' or '-', starting with a letter or digit.",
    ),
  description: descriptionField.default(""),
  schema: payloadSchemaField.default(null),
  examplePayload: examplePayloadField.default(null),
});

/** A custom trigger's settings; its name is its identity (webhooks subscribe by it) and stays. Each field left out is kept. */
export const updateEventTypeInput = z.strictObject({
  description: descriptionField.optional(),
  schema: payloadSchemaField.optional(),
  examplePayload: examplePayloadField.optional(),
});

export const eventTypeOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  source: z.string(),
  schema: z.record(z.string(), z.unknown()).nullable(),
  examplePayload: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.date(),
});

export type EventTypeOutput = z.infer<typeof eventTypeOutput>;

export async function listEventTypes(orgId: string): Promise<EventTypeOutput[]> {
  const rows = await db.eventType.findMany({ where: { orgId }, orderBy: [{ source: "asc" }, { name: "asc" }] });
  return rows.map((row) => eventTypeOutput.parse(row));
}

export async function createEventType(orgId: string, actor: Actor, input: z.infer<typeof createEventTypeInput>) {
  const existing = await db.eventType.findFirst({ where: { orgId, name: input.name } });
  if (existing) throw new AppError("conflict", `The trigger "${input.name}" already exists.`, { field: "name" });
  const row = await db.$transaction(async (tx) => {
    const created = await tx.eventType.create({
      data: {
        orgId,
        name: input.name,
        description: input.description,
        source: "custom",
        schema: (input.schema ?? undefined) as Prisma.InputJsonObject | undefined,
        examplePayload: (input.examplePayload ?? undefined) as Prisma.InputJsonObject | undefined,
      },
    });
    await recordAudit(
      orgId,
      actor,
      "event_type.created",
      { type: "event_type", id: created.id },
      { name: created.name },
      tx,
    );
    return created;
  });
  forgetCatalog(orgId);
  return eventTypeOutput.parse(row);
}

/** A custom trigger within a transaction, locked; built-in ones come from the products' documents and stay as they are. */
async function lockedCustomTrigger(tx: Prisma.TransactionClient, orgId: string, name: string) {
  await tx.$queryRaw`SELECT id FROM "EventType" WHERE "orgId" = ${orgId} AND name = ${name} FOR UPDATE`;
  const row = await tx.eventType.findFirst({ where: { orgId, name } });
  if (!row) throw notFound("Trigger");
  if (row.source !== "custom")
    throw new AppError(
      "conflict",
      `"${name}" is a built-in trigger from the ${row.source} catalog; only custom triggers change.`,
    );
  return row;
}

const auditedFields = (row: { description: string; schema: unknown; examplePayload: unknown }) => ({
  description: row.description,
  schema: row.schema,
  examplePayload: row.examplePayload,
});

export async function updateEventType(
  orgId: string,
  actor: Actor,
  name: string,
  input: z.infer<typeof updateEventTypeInput>,
) {
  const row = await db.$transaction(async (tx) => {
    const before = await lockedCustomTrigger(tx, orgId, name);
    const after = await tx.eventType.update({
      where: { id: before.id },
      data: {
        description: input.description,
        schema: input.schema === undefined ? undefined : ((input.schema ?? Prisma.DbNull) as Prisma.InputJsonObject),
        examplePayload:
          input.examplePayload === undefined
            ? undefined
            : ((input.examplePayload ?? Prisma.DbNull) as Prisma.InputJsonObject),
      },
    });
    await recordAudit(
      orgId,
      actor,
      "event_type.updated",
      { type: "event_type", id: after.id },
      { name, changes: changedFields(auditedFields(before), auditedFields(after)) },
      tx,
    );
    return after;
  });
  forgetCatalog(orgId);
  return eventTypeOutput.parse(row);
}

/** A custom trigger no webhook subscribes to: deleting one that webhooks name would leave them a trigger publishing refuses. */
export async function deleteEventType(orgId: string, actor: Actor, name: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await lockedCustomTrigger(tx, orgId, name);
    const subscribed = await tx.webhook.findMany({
      where: { orgId, triggers: { has: name } },
      select: { name: true },
      orderBy: { name: "asc" },
      take: 5,
    });
    if (subscribed.length > 0)
      throw new AppError(
        "conflict",
        `Webhooks subscribe to "${name}" (${subscribed.map((webhook) => webhook.name).join(", ")}); remove it from their triggers first.`,
      );
    await tx.eventType.delete({ where: { id: row.id } });
    await recordAudit(orgId, actor, "event_type.deleted", { type: "event_type", id: row.id }, { name }, tx);
  });
  forgetCatalog(orgId);
}
