import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import type { JsonSchema } from "@/lib/openapi/json-schema";
import { httpMethods } from "@/lib/openapi/operation";
import { apiOperations } from "@/lib/openapi/routes";

const document = buildOpenApiDocument();
const apiRoot = path.join(import.meta.dirname, "../../app/api/v1");
// Not API operations: the catch-all answers unknown paths with a 404, and the document itself.
const notOperations = new Set(["[...path]/route.ts", "openapi.json/route.ts"]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** "METHOD /api/v1/…" for every handler exported by a route file on disk. */
function operationsOnDisk(): string[] {
  return routeFiles(apiRoot)
    .filter((file) => !notOperations.has(path.relative(apiRoot, file).split(path.sep).join("/")))
    .flatMap((file) => {
      const segments = path.relative(apiRoot, path.dirname(file)).split(path.sep).filter(Boolean);
      const apiPath = ["/api/v1", ...segments.map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"))].join("/");
      const methods = [...readFileSync(file, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)];
      return methods.map(([, method]) => `${method} ${apiPath}`);
    });
}

function operationsInDocument(): string[] {
  return Object.entries(document.paths)
    .filter(([apiPath]) => apiPath.startsWith("/api/v1/"))
    .flatMap(([apiPath, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${apiPath}`));
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner)));
}

function resolve(ref: string): unknown {
  expect(ref.startsWith("#/")).toBe(true);
  return ref.slice(2).split("/").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), document);
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
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(["bearerAuth", "organizationHeader", "sessionCookie"]);
    for (const operation of operations) {
      // One success answer, and the error answers beside it.
      expect(Object.keys(operation.responses).filter((status) => status.startsWith("2")), operation.operationId).toHaveLength(1);
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

  test("documents exactly the routes that exist on disk", () => {
    const onDisk = operationsOnDisk();
    expect(onDisk.length).toBeGreaterThan(20);
    expect(onDisk.every((operation) => httpMethods.some((method) => operation.startsWith(`${method} `)))).toBe(true);
    expect(operationsInDocument().sort()).toEqual(onDisk.sort());
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
