import { db } from "@/lib/db";
import { payloadSchemaFor } from "@/lib/event-types/payload-validator";
import { AppError } from "@/lib/http/errors";

/** The trigger must be in the org's catalog; when it carries a JSON Schema, the payload must match it. */
export async function validatePayload(orgId: string, type: string, payload: Record<string, unknown>) {
  const eventType = await db.eventType.findUnique({ where: { orgId_name: { orgId, name: type } } });
  if (!eventType) {
    throw new AppError("validation_failed", `"${type}" is not a trigger in this organization's catalog.`, [
      { path: "type", message: "Unknown trigger; see GET /api/v1/event-types." },
    ]);
  }
  if (!eventType.schema) return;
  const details = payloadSchemaFor(eventType).validate(payload);
  if (details.length > 0) {
    throw new AppError("validation_failed", `The payload does not match the "${type}" trigger's schema.`, details);
  }
}
