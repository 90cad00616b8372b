import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { compilePayloadSchema } from "@/lib/event-types/payload-validator";
import { forgetCatalog } from "@/lib/event-types/trigger-cache";
import { schemaLimits } from "@/lib/event-types/schema-guard";
import { AppError } from "@/lib/http/errors";

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
  description: z.string().trim().max(500).default(""),
  schema: z
    .record(z.string(), z.unknown())
    .nullable()
    .default(null)
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
    ),
  examplePayload: z.record(z.string(), z.unknown()).nullable().default(null),
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
