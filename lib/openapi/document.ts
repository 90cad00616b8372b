import "server-only";
import type { z } from "zod";
import { tokenScopes, type Permission } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { errorSchema, errorStatuses } from "@/lib/openapi/error-responses";
import { componentRef, queryProperties, toComponentSchemas } from "@/lib/openapi/json-schema";
import type { ApiOperation } from "@/lib/openapi/operation";
import { apiOperations, apiSchemas, apiTags } from "@/lib/openapi/operations";
import type {
  OpenApiDocument,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiResponse,
  SecurityRequirement,
} from "@/lib/openapi/types";
import packageJson from "@/package.json";

const description = `The REST API of Webhook Hub. Every call acts in one organization.

**Authentication.** Send an org API token as \`Authorization: Bearer whk_…\`; the token decides the organization, and its scopes (\`projects\`, \`webhooks\`, \`events\`, \`deliveries\` × \`read\`/\`write\`, where \`write\` implies \`read\`) decide what it may do. The dashboard calls the same API with its session cookie and names the organization in an \`x-organization: <slug>\` header; members act with their role's permissions. Administrative operations (members, invitations, tokens, emails, audit log, renaming the organization) are for signed-in members only: no token scope grants them.

**Pagination.** Lists that can grow are paginated by cursor, newest first: \`?limit=\` (1–100, default 20) and \`?cursor=\`. The answer is \`{ "data": [...], "nextCursor": "…" | null }\`; pass \`nextCursor\` as \`cursor\` for the next page. Cursors are opaque and valid only in the organization that received them; anything else is a 422.

**Errors.** Every error has one shape, \`{ "error": { "code", "message", "details" } }\`, with a 4xx status for anything the caller can fix. \`validation_failed\` (422) lists the problems in \`details\` as \`{ path, message }\`. Ids of another organization's resources answer 404, exactly like missing ones.`;

const tokenOrSession: SecurityRequirement[] = [{ bearerAuth: [] }, { sessionCookie: [], organizationHeader: [] }];
const sessionOnly: SecurityRequirement[] = [{ sessionCookie: [], organizationHeader: [] }];

export const tokenCanUse = (permission: Permission) => (tokenScopes as readonly string[]).includes(permission);

const pascal = (operationId: string) => operationId[0]!.toUpperCase() + operationId.slice(1);
const json = (schema: z.ZodType | null, names: ReadonlyMap<z.ZodType, string>) =>
  schema ? { "application/json": { schema: { $ref: componentRef(names.get(schema)!) } } } : undefined;

/** Names every schema the operations use; a schema that is not in `apiSchemas` is named after its operation. */
function nameSchemas() {
  const known = new Map<z.ZodType, string>(Object.entries(apiSchemas).map(([name, schema]) => [schema, name]));
  const inputs = new Map<z.ZodType, string>();
  const outputs = new Map<z.ZodType, string>([[errorSchema, "Error"]]);
  for (const operation of apiOperations) {
    if (operation.body) inputs.set(operation.body, known.get(operation.body) ?? `${pascal(operation.operationId)}Body`);
    if ("schema" in operation.outcome) {
      const { schema } = operation.outcome;
      outputs.set(schema, known.get(schema) ?? `${pascal(operation.operationId)}Response`);
    }
  }
  const clash = [...inputs.values()].find((name) => [...outputs.values()].includes(name));
  if (clash)
    throw new Error(
      `OpenAPI: "${clash}" names both a request body and a response; give them distinct names in apiSchemas.`,
    );
  return { inputs, outputs };
}

function parameters(operation: ApiOperation): OpenApiParameter[] | undefined {
  const inPath = Object.entries(operation.pathParams ?? {}).map(([name, text]): OpenApiParameter => ({
    name,
    in: "path",
    required: true,
    description: text,
    schema: { type: "string" },
  }));
  const inQuery = operation.query
    ? queryProperties(operation.query).map(({ name, required, schema }): OpenApiParameter => ({
        name,
        in: "query",
        required,
        schema,
        ...(schema.description ? { description: schema.description } : {}),
      }))
    : [];
  const inHeaders = Object.entries(operation.headers ?? {}).map(([name, text]): OpenApiParameter => ({
    name,
    in: "header",
    required: false,
    description: text,
    schema: { type: "string" },
  }));
  const all = [...inPath, ...inQuery, ...inHeaders];
  return all.length > 0 ? all : undefined;
}

function responses(operation: ApiOperation, names: ReadonlyMap<z.ZodType, string>): Record<string, OpenApiResponse> {
  const { outcome } = operation;
  const success: OpenApiResponse = {
    description: outcome.description,
    content: json("schema" in outcome ? outcome.schema : null, names),
  };
  const errors = Object.entries(errorStatuses(operation)).map(([status, text]) => [
    status,
    { description: text, content: json(errorSchema, names) },
  ]);
  return { [outcome.status]: success, ...Object.fromEntries(errors) };
}

function permissionSentence(permission: Permission) {
  return tokenCanUse(permission)
    ? `Requires \`${permission}\`: a member whose role allows it, or an API token with that scope.`
    : `Requires \`${permission}\`: signed-in members only; API tokens cannot call this.`;
}

function toOperation(
  operation: ApiOperation,
  names: { inputs: ReadonlyMap<z.ZodType, string>; outputs: ReadonlyMap<z.ZodType, string> },
): OpenApiOperation {
  const body = operation.body ? json(operation.body, names.inputs) : undefined;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, permissionSentence(operation.permission)].filter(Boolean).join("\n\n"),
    tags: [operation.tag],
    parameters: parameters(operation),
    ...(body ? { requestBody: { required: !operation.bodyOptions?.optional, content: body } } : {}),
    responses: responses(operation, names.outputs),
    security: tokenCanUse(operation.permission) ? tokenOrSession : sessionOnly,
    "x-permission": operation.permission,
    "x-token-scope": tokenCanUse(operation.permission),
  };
}

export function buildOpenApiDocument(): OpenApiDocument {
  const names = nameSchemas();
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of apiOperations) {
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method.toLowerCase()]: toOperation(operation, names),
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Webhook Hub API", version: packageJson.version, description },
    servers: [{ url: env.APP_URL }],
    tags: apiTags,
    paths,
    components: {
      schemas: { ...toComponentSchemas(names.outputs, "output"), ...toComponentSchemas(names.inputs, "input") },
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "whk_…",
          description: "Org API token, whk_…. The token decides the organization.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description:
            "The dashboard's Auth.js session (`__Secure-authjs.session-token` over HTTPS). Send with organizationHeader.",
        },
        organizationHeader: {
          type: "apiKey",
          in: "header",
          name: "x-organization",
          description: "With a session: the slug of the organization to act in.",
        },
      },
    },
    security: tokenOrSession,
  };
}

let cached: OpenApiDocument | undefined;

/** The document is the same for every request, so it is built once per process. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
