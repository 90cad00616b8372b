import { z } from "zod";
import { defaultMaxBytes } from "@/lib/http/body";
import type { ApiOperation } from "@/lib/openapi/operation";

const size = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`);

/** The one error shape (lib/http/respond.ts `ErrorBody`), as a schema for the document. */
export const errorSchema = z.object({
  error: z.object({
    code: z
      .string()
      .describe("Stable, machine-readable: `validation_failed`, `not_found`, `conflict`, `limit_reached`, …"),
    message: z.string().describe("A sentence safe to show to a person."),
    details: z
      .unknown()
      .describe("For `validation_failed`, a list of `{ path, message }`; otherwise null or a small object."),
  }),
});

/** The error statuses an operation can answer with, and when, derived from what it accepts. */
export function errorStatuses(operation: ApiOperation): Record<number, string> {
  const statuses: Record<number, string> = {
    400: operation.body
      ? "`invalid_json`: the body is not JSON. `bad_request`: a session call without the x-organization header."
      : "`bad_request`: a session call without the x-organization header.",
    401: "`unauthorized`: no credentials, or an unknown, revoked or expired token.",
    403: `\`forbidden\`: the role or token scope does not allow \`${operation.permission}\`.`,
    404: operation.pathParams
      ? "`not_found`: no such resource in this organization (another org's ids look exactly like missing ones)."
      : "`not_found`: a session caller is not a member of the organization named in x-organization.",
  };
  if (operation.conflict) statuses[409] = operation.conflict;
  if (operation.body) {
    statuses[413] = `\`payload_too_large\`: the body is over ${size(operation.bodyOptions?.maxBytes ?? defaultMaxBytes)}.`;
    statuses[415] = "`unsupported_media_type`: the body is not sent as application/json.";
  }
  if (operation.body || operation.query) {
    statuses[422] =
      "`validation_failed`: fields are missing, of the wrong type, out of range or unknown; `details` lists them.";
  }
  return statuses;
}
