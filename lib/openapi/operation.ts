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
export type Outcome = { status: 200 | 201 | 202; description: string; schema: z.ZodType } | { status: 204; description: string };

/** One documented API operation: the data `document.ts` turns into OpenAPI. */
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
  query?: z.ZodObject;
  /** Optional request headers the operation reads, each with its description. */
  headers?: Record<string, string>;
  body?: z.ZodType;
  outcome: Outcome;
  /** When this operation answers 409, starting with the error code: "`conflict`: a project with this key already exists." */
  conflict?: string;
}

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
