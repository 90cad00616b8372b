import type { z } from "zod";
import type { OrgContext } from "@/lib/auth/org-context";
import { parseQuery, readJsonBody } from "@/lib/http/body";
import { AppError } from "@/lib/http/errors";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import type { ApiOperation, HttpMethod } from "@/lib/openapi/operation";

/** `{ id: string }` for "/api/v1/webhooks/{id}/stats". */
type PathParams<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? { [Key in Name]: string } & PathParams<Rest>
  : Record<never, never>;

type Query<Op extends ApiOperation> = Op extends { query: infer Schema extends z.ZodType }
  ? z.output<Schema>
  : undefined;

type Body<Op extends ApiOperation> = Op extends { body: infer Schema extends z.ZodType }
  ? | (Op extends { bodyOptions: { validatedBy: "handler" } } ? unknown : z.output<Schema>)
    | (Op extends { bodyOptions: { optional: true } } ? undefined : never)
  : undefined;

/** What the handler returns: the answer before it is parsed through the outcome's schema; nothing for a 204. */
type Result<Op extends ApiOperation> = Op["outcome"] extends { schema: infer Schema extends z.ZodType }
  ? z.input<Schema>
  : void;

/** Everything a handler needs, checked and parsed from its operation's declaration. */
export type RouteContext<Op extends ApiOperation> = OrgContext & {
  request: Request;
  params: PathParams<Op["path"]>;
  /** The query parameters, parsed by `operation.query`. */
  query: Query<Op>;
  /** The JSON body, parsed by `operation.body` (unvalidated if the operation says the handler validates it). */
  body: Body<Op>;
  /** The body's size in bytes (0 without one). */
  bodyBytes: number;
  /** Headers to send with the answer. */
  responseHeaders: Headers;
};

type Serve = (request: Request, ctx: OrgContext & { params: Record<string, string> }) => Promise<Response>;

/** A Next.js route handler for one or more operations; `operations` is what it serves, for the document's test. */
export type RouteHandler<Params> = ((request: Request, route: { params: Promise<Params> }) => Promise<Response>) & {
  readonly operations: readonly ApiOperation[];
};

/** One operation's handler, before the gate: `routes()` puts several behind one catch-all. */
export type OperationRoute<Op extends ApiOperation = ApiOperation> = RouteHandler<PathParams<Op["path"]>> & {
  readonly operation: Op;
  readonly serve: Serve;
};

async function readBody(request: Request, operation: ApiOperation): Promise<{ body: unknown; bytes: number }> {
  const { body: schema, bodyOptions: { maxBytes, optional = false, validatedBy = "route" } = {} } = operation;
  if (!schema || (optional && !request.headers.has("content-type"))) return { body: undefined, bytes: 0 };
  const { value, bytes } = await readJsonBody(request, maxBytes === undefined ? {} : { maxBytes });
  return { body: validatedBy === "route" ? schema.parse(value) : value, bytes };
}

/** The handler's answer, parsed through the outcome's schema: what leaves is what the document describes. */
function answer(operation: ApiOperation, result: unknown, headers: Headers): Response {
  const { outcome } = operation;
  if (!("schema" in outcome)) return new Response(null, { status: outcome.status, headers });
  const parsed = outcome.schema.safeParse(result);
  // Not a ZodError: a wrong answer is the hub's fault (500), not the caller's (422).
  if (!parsed.success) throw new Error(`${operation.operationId} answered outside its schema: ${parsed.error.message}`);
  return json(parsed.data, { status: outcome.status, headers });
}

/**
 * A route handler for one declared operation: `withOrg` checks the operation's permission, then
 * the query and body are parsed by its schemas, the handler runs, and its answer is parsed through
 * the outcome's schema and sent with the outcome's status.
 *
 *   export const POST = route(projectOperations.createProject, async ({ org, actor, body }) => createProject(org.id, actor, body));
 */
export function route<Op extends ApiOperation>(
  operation: Op,
  handler: (ctx: RouteContext<Op>) => Promise<Result<Op>>,
): OperationRoute<Op> {
  const serve: Serve = async (request, ctx) => {
    const query = operation.query ? parseQuery(request, operation.query) : undefined;
    const { body, bytes } = await readBody(request, operation);
    const responseHeaders = new Headers();
    const result = await handler({
      ...ctx,
      request,
      query,
      body,
      bodyBytes: bytes,
      responseHeaders,
    } as RouteContext<Op>);
    return answer(operation, result, responseHeaders);
  };
  // Next.js hands the route its path's params; withOrg passes them on as they come.
  const gated = withOrg(serve as Parameters<typeof withOrg>[0], { permission: operation.permission }) as (
    request: Request,
    route: { params: Promise<PathParams<Op["path"]>> },
  ) => Promise<Response>;
  return Object.assign(gated, { operation, operations: [operation], serve });
}

type Segment = { literal: string } | { param: string };

const segmentsOf = (path: string): Segment[] =>
  path
    .split("/")
    .filter(Boolean)
    .map((segment) => (/^\{(\w+)\}$/.test(segment) ? { param: segment.slice(1, -1) } : { literal: segment }));

/**
 * One catch-all route serving several operations under `basePath` (CodeScoring's API at
 * app/api/settings/webhooks/[[...path]]): a handler per method, each gated once by the permission
 * its operations share, then serving the operation whose path matches `params.path`. A segment
 * that is a literal of any of these operations (`test`, `triggers`) is never taken for an id.
 * Anything else answers 404 in the API's error shape.
 *
 *   export const { GET, POST } = routes("/api/settings/webhooks", route(listOperation, …), route(getOperation, …));
 */
export function routes<const Routes extends readonly Pick<OperationRoute, "operation" | "serve">[]>(
  basePath: string,
  ...served: Routes
): { [Method in Routes[number]["operation"]["method"]]: RouteHandler<{ path?: string[] }> } {
  const table = served.map((entry) => {
    if (!entry.operation.path.startsWith(basePath))
      throw new Error(`${entry.operation.operationId} is not under ${basePath}.`);
    return { entry, segments: segmentsOf(entry.operation.path.slice(basePath.length)) };
  });
  const reserved = new Set(
    table.flatMap(({ segments }) => segments.flatMap((segment) => ("literal" in segment ? [segment.literal] : []))),
  );

  function match(segments: Segment[], given: string[]): Record<string, string> | null {
    if (segments.length !== given.length) return null;
    const params: Record<string, string> = {};
    for (const [index, segment] of segments.entries()) {
      const value = given[index]!;
      if ("literal" in segment ? segment.literal !== value : reserved.has(value)) return null;
      if ("param" in segment) params[segment.param] = value;
    }
    return params;
  }

  const byMethod = new Map<HttpMethod, typeof table>();
  for (const row of table)
    byMethod.set(row.entry.operation.method, [...(byMethod.get(row.entry.operation.method) ?? []), row]);

  const handlers = [...byMethod].map(([method, rows]) => {
    const permissions = new Set(rows.map(({ entry }) => entry.operation.permission));
    if (permissions.size !== 1)
      throw new Error(
        `${basePath}: ${method} operations need one permission to be gated once, not ${[...permissions].join(", ")}.`,
      );
    const gated = withOrg<{ path?: string[] }>(
      async (request, ctx) => {
        // Empty segments are a trailing slash, as CodeScoring writes its paths.
        const given = (ctx.params.path ?? []).filter(Boolean);
        for (const { entry, segments } of rows) {
          const params = match(segments, given);
          if (params) return entry.serve(request, { ...ctx, params });
        }
        throw new AppError("not_found", "No such API route.");
      },
      { permission: [...permissions][0]! },
    );
    return [method, Object.assign(gated, { operations: rows.map(({ entry }) => entry.operation) })] as const;
  });
  return Object.fromEntries(handlers) as unknown as {
    [Method in Routes[number]["operation"]["method"]]: RouteHandler<{ path?: string[] }>;
  };
}
