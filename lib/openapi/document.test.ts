import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import type { JsonSchema } from "@/lib/openapi/json-schema";
import { httpMethods, type ApiOperation } from "@/lib/openapi/operation";
import { apiOperations } from "@/lib/openapi/operations";
import { codescoringBasePath } from "@/lib/openapi/operations/codescoring";

const document = buildOpenApiDocument();
const apiRoot = path.join(import.meta.dirname, "../../app/api");
const v1Root = path.join(apiRoot, "v1");
// Not API operations: the catch-all answers unknown paths with a 404, and the document itself.
const notOperations = new Set(["[...path]/route.ts", "openapi.json/route.ts"]);
// CodeScoring's API: one catch-all route file serves every operation under its base path.
const codescoringRoute = path.join(apiRoot, "settings/webhooks/[[...path]]/route.ts");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** The route files that serve API operations, each with the path its folder stands for (null: any path under CodeScoring's base). */
function operationFiles(): Array<{ file: string; apiPath: string | null }> {
  const v1 = routeFiles(v1Root)
    .filter((file) => !notOperations.has(path.relative(v1Root, file).split(path.sep).join("/")))
    .map((file) => {
      const segments = path.relative(v1Root, path.dirname(file)).split(path.sep).filter(Boolean);
      return {
        file,
        apiPath: ["/api/v1", ...segments.map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"))].join("/"),
      };
    });
  return [...v1, { file: codescoringRoute, apiPath: null }];
}

/** Each HTTP method a route file exports, with the operations its handler serves (`route()` and `routes()` attach them). */
async function servedByRouteFiles() {
  const served: Array<{
    file: string;
    apiPath: string | null;
    method: string;
    operations: readonly ApiOperation[] | undefined;
  }> = [];
  for (const { file, apiPath } of operationFiles()) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [method, handler] of Object.entries(exported)) {
      if (!(httpMethods as readonly string[]).includes(method)) continue;
      served.push({
        file: path.relative(apiRoot, file),
        apiPath,
        method,
        operations: (handler as { operations?: readonly ApiOperation[] }).operations,
      });
    }
  }
  return served;
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner),
  );
}

function resolve(ref: string): unknown {
  expect(ref.startsWith("#/")).toBe(true);
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      document,
    );
}

function component(name: string): JsonSchema {
  const schema = document.components.schemas[name];
  if (!schema) throw new Error(`No component ${name}`);
  return schema;
}

function requestSchema(method: "post" | "put" | "patch", apiPath: string): JsonSchema {
  const ref = document.paths[apiPath]?.[method]?.requestBody?.content["application/json"].schema.$ref;
  return resolve(ref ?? "#/missing") as JsonSchema;
}

describe("the OpenAPI document", () => {
  test("is OpenAPI 3.1 with responses on every operation and every $ref resolving", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.title).toBe("Webhook Hub API");
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    expect(operations).toHaveLength(apiOperations.length);
    // Every operation takes the dashboard's session; most take an org token too.
    const bySession = { sessionCookie: [], organizationHeader: [] };
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
      "bearerAuth",
      "organizationHeader",
      "sessionCookie",
    ]);
    for (const operation of operations) {
      // One success answer, and the error answers beside it.
      expect(
        Object.keys(operation.responses).filter((status) => status.startsWith("2")),
        operation.operationId,
      ).toHaveLength(1);
      expect(operation.responses["401"], operation.operationId).toEqual({
        description: "`unauthorized`: no credentials, or an unknown, revoked or expired token.",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      });
      expect([[{ bearerAuth: [] }, bySession], [bySession]], operation.operationId).toContainEqual(operation.security);
    }
    const refs = refsIn(document);
    expect(refs).toContain("#/components/schemas/Error");
    for (const ref of refs) expect(resolve(ref), ref).toEqual(expect.any(Object));
  });

  test("has unique operation ids, and each path parameter in its path", () => {
    const ids = apiOperations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of apiOperations) {
      const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      expect(Object.keys(operation.pathParams ?? {}), operation.operationId).toEqual(inPath);
    }
  });

  test("every route handler serves declared operations of its own method and path", async () => {
    const served = await servedByRouteFiles();
    expect(served.length).toBeGreaterThan(40);
    for (const { file, apiPath, method, operations } of served) {
      const label = `${method} in ${file}`;
      // Only route() and routes() attach operations: a handler that bypasses them (a bare withOrg) fails here.
      expect(operations?.length, label).toBeGreaterThan(0);
      for (const operation of operations ?? []) {
        expect(operation.method, label).toBe(method);
        if (apiPath) expect(operation.path, label).toBe(apiPath);
        else expect(operation.path.startsWith(codescoringBasePath), label).toBe(true);
      }
    }
  });

  test("documents exactly the operations the routes serve: the gate and the document read the same declaration", async () => {
    // The handlers take the permission, the query, body and answer schemas and the status from
    // these very objects (lib/http/route.ts), so what is documented is what is enforced; here,
    // every declared operation is served by exactly one handler, and nothing else is served.
    const served = (await servedByRouteFiles()).flatMap(({ operations }) => operations ?? []);
    expect(new Set(served).size).toBe(served.length);
    expect(served.length).toBe(apiOperations.length);
    for (const operation of apiOperations) expect(served, operation.operationId).toContain(operation);

    const documented = Object.entries(document.paths).flatMap(([apiPath, item]) =>
      Object.entries(item).map(
        ([method, operation]) =>
          `${method.toUpperCase()} ${apiPath} ${operation.operationId} ${operation["x-permission"]}`,
      ),
    );
    expect(documented.sort()).toEqual(
      apiOperations
        .map((operation) => `${operation.method} ${operation.path} ${operation.operationId} ${operation.permission}`)
        .sort(),
    );
  });

  test("documents CodeScoring's webhook API beside the native one, every call of seed 000's list", () => {
    const codescoring = Object.entries(document.paths)
      .filter(([apiPath]) => apiPath.startsWith("/api/settings/webhooks"))
      .flatMap(([apiPath, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${apiPath}`));
    expect(codescoring.sort()).toEqual(
      [
        "GET /api/settings/webhooks",
        "POST /api/settings/webhooks",
        "GET /api/settings/webhooks/{id}",
        "PUT /api/settings/webhooks/{id}",
        "PATCH /api/settings/webhooks/{id}",
        "DELETE /api/settings/webhooks/{id}",
        "POST /api/settings/webhooks/{id}/refresh_availability_status",
        "POST /api/settings/webhooks/test",
        "GET /api/settings/webhooks/triggers",
      ].sort(),
    );
    expect(requestSchema("post", "/api/settings/webhooks").properties).toHaveProperty("projects");
  });

  test("describes request bodies as the routes validate them", () => {
    const createProject = requestSchema("post", "/api/v1/projects");
    expect(createProject.required).toEqual(["key", "name"]);
    expect(createProject.additionalProperties).toBe(false);

    // Defaults make fields optional on input.
    const createToken = requestSchema("post", "/api/v1/tokens");
    expect(createToken.required).toEqual(["name", "scopes"]);
    expect(createToken.properties?.expiresInDays).toMatchObject({ default: null });

    const patchWebhook = requestSchema("patch", "/api/v1/webhooks/{id}");
    expect(patchWebhook.required ?? []).toEqual([]);
  });

  test("describes responses without secrets, dates as date-time strings", () => {
    const webhook = component("Webhook");
    expect(webhook.properties).toHaveProperty("secretSet");
    expect(webhook.properties).not.toHaveProperty("secret");
    expect(webhook.properties).not.toHaveProperty("token");
    expect(webhook.properties?.createdAt).toEqual({ type: "string", format: "date-time" });

    const page = component("ProjectPage");
    expect(page.required).toEqual(["data", "nextCursor"]);
    expect(page.properties?.data).toMatchObject({ items: { $ref: "#/components/schemas/Project" } });

    expect(document.paths["/api/v1/projects/{id}"]?.delete?.responses["204"]?.content).toBeUndefined();
    expect(component("Error").required).toEqual(["error"]);
  });

  test("documents pagination and permissions", () => {
    const list = document.paths["/api/v1/projects"]?.get;
    expect(list?.parameters?.map((parameter) => [parameter.name, parameter.in, parameter.required])).toEqual([
      ["limit", "query", false],
      ["cursor", "query", false],
    ]);
    expect(list?.["x-token-scope"]).toBe(true);
    expect(list?.security).toContainEqual({ bearerAuth: [] });

    const tokens = document.paths["/api/v1/tokens"]?.post;
    expect(tokens?.["x-permission"]).toBe("tokens:manage");
    expect(tokens?.["x-token-scope"]).toBe(false);
    expect(tokens?.security).not.toContainEqual({ bearerAuth: [] });
  });

  test("is served publicly at GET /api/v1/openapi.json", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(Object.keys(document.paths));
  });
});
