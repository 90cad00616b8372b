import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";

export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof httpMethods)[number];

export type ApiTag =
  | "Projects"
  | "Portfolios"
  | "Webhooks"
  | "Events"
  | "Deliveries"
  | "Triggers"
  | "Organization"
  | "Members"
  | "Invitations"
  | "API tokens"
  | "Emails"
  | "Audit log"
  | "CodeScoring-compatible API";

/** What a call answers when it succeeds (202: accepted, the work happens in the background). */
export type Outcome =
  { status: 200 | 201 | 202; description: string; schema: z.ZodType } | { status: 204; description: string };

/** How a request body is read, when it is not the default (required, at most 256 KB, validated against `body` by the route). */
export interface BodyOptions {
  /** The size cap in bytes; larger bodies are refused with 413. */
  maxBytes?: number;
  /** The body may be left out: a request without a Content-Type has none, and the handler gets `undefined`. */
  optional?: boolean;
  /** "handler": the route reads the JSON and hands it over unvalidated (with its size); the handler validates it. */
  validatedBy?: "route" | "handler";
}

/**
 * One API operation, declared once: `route()` (lib/http/route.ts) gates, parses and answers the
 * request from it, and `document.ts` turns it into OpenAPI.
 */
export interface ApiOperation {
  method: HttpMethod;
  /** OpenAPI form, e.g. `/api/v1/projects/{id}`; CodeScoring's own paths under /api/settings/webhooks. */
  path: `/api/v1/${string}` | `/api/settings/webhooks${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: ApiTag;
  /** The permission `withOrg` checks; API tokens may call it only if it is also a token scope. */
  permission: Permission;
  /** A description for each `{param}` in the path. */
  pathParams?: Record<string, string>;
  /** Validated against the URL's query parameters before the handler runs. */
  query?: z.ZodObject;
  /** Optional request headers the operation reads, each with its description. */
  headers?: Record<string, string>;
  /** The JSON request body, validated before the handler runs (see `bodyOptions`). */
  body?: z.ZodType;
  bodyOptions?: BodyOptions;
  /** The success status, and the schema every answer is parsed through on its way out. */
  outcome: Outcome;
  /** When this operation answers 409, starting with the error code: "`conflict`: a project with this key already exists." */
  conflict?: string;
}

/** An operation as declared: its operation id is the key it is declared under. */
export type OperationSpec = Omit<ApiOperation, "operationId">;

/**
 * Declares a group of operations, each under its operation id:
 * `defineOperations({ createProject: { method: "POST", path: "/api/v1/projects", … } })`.
 */
export function defineOperations<const Specs extends Record<string, OperationSpec>>(
  specs: Specs,
): { [Id in keyof Specs & string]: Specs[Id] & { operationId: Id } } {
  return Object.fromEntries(
    Object.entries(specs).map(([operationId, spec]) => [operationId, { ...spec, operationId }]),
  ) as {
    [Id in keyof Specs & string]: Specs[Id] & { operationId: Id };
  };
}

/** `{ id: "The project's id." }`: the description of a path's `{id}`. */
export const idParam = (what: string) => ({ id: `The ${what}'s id.` });

/** A cursor-paginated list, as `toPage` builds it. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on the last page."),
  });
}

/** An unpaginated list: the whole collection in `data`. */
export function listOf<Item extends z.ZodType>(item: Item) {
  return z.object({ data: z.array(item) });
}
