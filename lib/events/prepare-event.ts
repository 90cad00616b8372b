import "server-only";
import { payloadSchemaFor } from "@/lib/event-types/payload-validator";
import { cachedTrigger } from "@/lib/event-types/trigger-cache";
import { newEventId, type EventRow } from "@/lib/events/insert-events";
import type { PublishEventInput } from "@/lib/events/schemas";
import { AppError } from "@/lib/http/errors";
import { resolveProjectRef } from "@/lib/projects/project-cache";

/** Why one event cannot be stored, in the API's `details` shape. */
export interface EventIssue {
  path: string;
  message: string;
}

export type Prepared = { row: EventRow; issues?: never } | { row?: never; issues: EventIssue[]; message: string };

// The cap a single-event request body always had, kept per event when events come in a batch.
export const maxEventBytes = 256 * 1024;

/**
 * Checks an event against the org's catalog and projects (both cached) and turns it into the row
 * to store; never throws for a bad event, so a batch can list every bad item.
 */
export async function prepareEvent(orgId: string, input: PublishEventInput): Promise<Prepared> {
  const [trigger, projectId] = await Promise.all([
    cachedTrigger(orgId, input.type),
    input.project === undefined ? null : resolveProjectRef(orgId, input.project),
  ]);
  if (!trigger) {
    return {
      message: `"${input.type}" is not a trigger in this organization's catalog.`,
      issues: [{ path: "type", message: "Unknown trigger; see GET /api/v1/event-types." }],
    };
  }
  if (input.project !== undefined && projectId === null) {
    return {
      message: `There is no project "${input.project}" in this organization.`,
      issues: [{ path: "project", message: "Use a project key or id." }],
    };
  }
  if (trigger.schema) {
    const issues = payloadSchemaFor(trigger).validate(input.payload);
    if (issues.length > 0)
      return { message: `The payload does not match the "${input.type}" trigger's schema.`, issues };
  }
  const payloadJson = JSON.stringify(input.payload);
  // A UTF-16 unit is at most 3 bytes of UTF-8: most payloads are never measured.
  if (payloadJson.length * 3 > maxEventBytes && Buffer.byteLength(payloadJson) > maxEventBytes) {
    return {
      message: `An event's payload is larger than ${maxEventBytes} bytes.`,
      issues: [{ path: "payload", message: `Larger than ${maxEventBytes} bytes.` }],
    };
  }
  const row: EventRow = {
    id: newEventId(),
    orgId,
    projectId,
    type: input.type,
    payloadJson,
    propertiesJson: JSON.stringify(input.properties),
    idempotencyKey: input.idempotencyKey ?? null,
  };
  return { row };
}

/** The row for a single event, or the 422 that says why not. */
export async function preparedOrThrow(orgId: string, input: PublishEventInput): Promise<EventRow> {
  const prepared = await prepareEvent(orgId, input);
  if (prepared.issues) throw new AppError("validation_failed", prepared.message, prepared.issues);
  return prepared.row;
}
