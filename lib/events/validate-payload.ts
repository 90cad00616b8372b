import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { zodIssues } from "@/lib/http/respond";

/** The trigger must be in the org's catalog; when it carries a JSON Schema, the payload must match it. */
export async function validatePayload(orgId: string, type: string, payload: Record<string, unknown>) {
  const eventType = await db.eventType.findUnique({ where: { orgId_name: { orgId, name: type } } });
  if (!eventType) {
    throw new AppError("validation_failed", `"${type}" is not a trigger in this organization's catalog.`, [
      { path: "type", message: "Unknown trigger; see GET /api/v1/event-types." },
    ]);
  }
  if (!eventType.schema) return;
  const result = z.fromJSONSchema(eventType.schema as Parameters<typeof z.fromJSONSchema>[0]).safeParse(payload);
  if (!result.success) {
    const details = zodIssues(result.error).map((issue) => ({ ...issue, path: issue.path ? `payload.${issue.path}` : "payload" }));
    throw new AppError("validation_failed", `The payload does not match the "${type}" trigger's schema.`, details);
  }
}
