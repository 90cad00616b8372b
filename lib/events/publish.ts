import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { dispatchStoredEvents } from "@/lib/deliveries/outbox";
import type { PublishEventInput } from "@/lib/events/schemas";
import { validatePayload } from "@/lib/events/validate-payload";
import { AppError } from "@/lib/http/errors";
import { countEventsAccepted } from "@/lib/observability/metrics";

export interface Published {
  id: string;
  /** True when the idempotency key was seen before: this is the first request's answer. */
  replayed: boolean;
}

async function resolveProjectId(orgId: string, project: string | undefined): Promise<string | null> {
  if (project === undefined) return null;
  const row = await db.project.findFirst({ where: { orgId, OR: [{ key: project }, { id: project }] }, select: { id: true } });
  if (!row) throw new AppError("validation_failed", `There is no project "${project}" in this organization.`, [{ path: "project", message: "Use a project key or id." }]);
  return row.id;
}

async function firstAnswer(orgId: string, idempotencyKey: string): Promise<Published | null> {
  const existing = await db.event.findUnique({ where: { orgId_idempotencyKey: { orgId, idempotencyKey } }, select: { id: true } });
  return existing ? { id: existing.id, replayed: true } : null;
}

/**
 * Accept → persist → dispatch. The row is committed before the caller hears 202; the outbox then
 * fans it out in the background, so a crash or an Inngest outage after that point loses nothing:
 * the sweeper dispatches it later.
 */
export async function publishEvent(orgId: string, input: PublishEventInput): Promise<Published> {
  if (input.idempotencyKey) {
    const replay = await firstAnswer(orgId, input.idempotencyKey);
    if (replay) return replay;
  }
  await validatePayload(orgId, input.type, input.payload);
  const projectId = await resolveProjectId(orgId, input.project);
  let event: { id: string };
  try {
    event = await db.event.create({
      data: { orgId, projectId, type: input.type, payload: input.payload as Prisma.InputJsonObject, properties: input.properties, idempotencyKey: input.idempotencyKey },
      select: { id: true },
    });
  } catch (error) {
    // Two requests raced with one idempotency key: the one that lost answers as a replay.
    const replay = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && input.idempotencyKey ? await firstAnswer(orgId, input.idempotencyKey) : null;
    if (replay) return replay;
    throw error;
  }
  countEventsAccepted();
  void dispatchStoredEvents();
  return { id: event.id, replayed: false };
}
