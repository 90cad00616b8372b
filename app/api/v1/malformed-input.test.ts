import { beforeAll, describe, expect, it } from "vitest";
import { apiOperations } from "@/lib/openapi/operations";
import { call, sessionCookieFor } from "@/test/api";
import { createActiveWebhook, createOrg, createProjectRow } from "@/test/factories";

/**
 * Issue 11, "Done means": every route of the OpenAPI document, called in-process as Next.js would,
 * with malformed input of every kind. Nothing may answer 5xx, and every error must be in the
 * documented shape { error: { code, message, details } }.
 */
type Handler = Parameters<typeof call>[1];
type Method = Parameters<typeof call>[0];

const modules = import.meta.glob<Record<string, Handler>>([
  "/app/api/v1/**/route.ts",
  "/app/api/settings/webhooks/**/route.ts",
]);

// CodeScoring's compatible surface is one catch-all route; its segments arrive as `params.path`.
const codescoringSurface = "/api/settings/webhooks";

function handlerFor(path: string, method: string): Promise<Handler> {
  const file = path.startsWith(codescoringSurface)
    ? "/app/api/settings/webhooks/[[...path]]/route.ts"
    : `/app${path.slice("/api".length).replace(/\{(\w+)\}/g, "[$1]")}/route.ts`.replace("/app/v1", "/app/api/v1");
  const load = modules[file];
  if (!load) throw new Error(`No route file ${file} for ${method} ${path}`);
  return load().then((module) => {
    const handler = module[method];
    if (!handler) throw new Error(`${file} exports no ${method}`);
    return handler;
  });
}

const oneMb = "x".repeat(1024 * 1024);
const twentyMb = `{"name":"${"x".repeat(20 * 1024 * 1024)}"}`;
const deepArray = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
const deepObject = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;

/** Bodies that must all be refused (or, for routes without a body, ignored) without a 5xx. */
const bodies: Array<[string, string, string?]> = [
  ["bad JSON", "{"],
  ["truncated JSON", '{"name":"a'],
  ["empty body", ""],
  ["null", "null"],
  ["an array", "[]"],
  ["a number", "123"],
  ["a string", '"text"'],
  [
    "wrong types",
    '{"name":123,"url":[],"key":{},"type":false,"role":5,"scopes":"all","payload":"x","schema":7,"secret":[],"headers":[],"active":"yes","ids":"x"}',
  ],
  [
    "lone surrogates",
    '{"name":"renamed-\\ud800","key":"k\\udc00","type":"t\\ud800","url":"https://example.com/\\ud800","email":"a\\ud800@example.com","payload":{"\\ud800":"\\udfff"}}',
  ],
  [
    "NUL characters",
    '{"name":"a\\u0000b","key":"k\\u0000","type":"t\\u0000","url":"https://example.com/\\u0000","email":"a\\u0000@example.com","payload":{"a":"\\u0000"}}',
  ],
  // One field at a time too: strict schemas refuse unknown keys first, which would hide what a lone field does.
  ["a lone surrogate in name", '{"name":"renamed-\\ud800"}'],
  ["a NUL in name", '{"name":"renamed-\\u0000"}'],
  ["a lone surrogate in a payload", '{"type":"test","payload":{"text":"\\udc00"},"properties":{"k\\ud800":"v"}}'],
  ["a lone surrogate in a schema", '{"name":"custom.walk","schema":{"type":"object","description":"\\ud800"}}'],
  [
    "huge numbers",
    '{"limit":1e400,"batchMaxSize":1e308,"timeoutMs":-1e308,"batchWindowMs":123456789012345678901234567890,"rateLimitPerSecond":1.5,"expiresInDays":1e400,"webhookLimitOrg":-0}',
  ],
  ["prototype keys", '{"__proto__":{"admin":true},"constructor":{"prototype":{"polluted":true}}}'],
  ["deeply nested arrays", deepArray],
  ["deeply nested objects", deepObject],
  ["1 MB", `{"name":"${oneMb}"}`],
  ["20 MB", twentyMb],
  ["JSON sent as text/plain", '{"name":"x"}', "text/plain"],
  ["form encoding", "name=x&url=y", "application/x-www-form-urlencoded"],
];

const queries: Array<[string, Record<string, string>]> = [
  ["a bare id as cursor", { cursor: `prj_${"0".repeat(32)}` }],
  ["a garbage cursor", { cursor: "not.a.cursor" }],
  ["a NUL cursor", { cursor: "a\u0000b" }],
  ["a long cursor", { cursor: "A".repeat(10_000) }],
  [
    "a forged cursor",
    { cursor: `${Buffer.from('["9999-12-31T00:00:00.000Z","x"]').toString("base64url")}.AAAAAAAAAAAAAAAAAAAAAA` },
  ],
  ["a negative limit", { limit: "-1" }],
  ["a huge limit", { limit: "1e400" }],
  ["a non-numeric limit", { limit: "abc" }],
  ["an unknown parameter", { nope: "1" }],
  [
    "bad enum values",
    {
      status: "\u0000",
      range: "forever",
      type: "a".repeat(5000),
      projectId: "\ud800",
      trigger: "x\u0000",
      eventType: "\udc00",
    },
  ],
];

const ids: Array<[string, string]> = [
  ["an unknown id", `xx_${"0".repeat(32)}`],
  ["a parent-directory trick", "../../organization"],
  ["an encoded traversal", "%2e%2e%2f%2e%2e%2ftokens"],
  ["a NUL", "wh_\u0000"],
  ["a lone surrogate", "wh_\ud800"],
  ["a 10 000-character id", "w".repeat(10_000)],
  ["an SQL-looking id", "' OR 1=1 --"],
];

let auth: { cookie: string; headers: Record<string, string> };
let projectId: string;
let webhookId: string;

beforeAll(async () => {
  const { org, owner } = await createOrg();
  projectId = (await createProjectRow(org.id)).id;
  webhookId = (await createActiveWebhook(org.id, "https://hooks.example.com/walk")).id;
  auth = {
    cookie: await sessionCookieFor(owner.id),
    headers: { "x-organization": org.slug, origin: "http://localhost:3000" },
  };
});

const statuses = new Map<string, number[]>();

function expectDocumentedAnswer(response: { status: number; body: unknown }, label: string) {
  const operation = label.split(" with ")[0]!;
  statuses.set(operation, [...(statuses.get(operation) ?? []), response.status]);
  expect(response.status, label).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.body, label).toEqual({
      error: { code: expect.any(String), message: expect.any(String), details: expect.anything() },
    });
  }
}

// `details` may be null; toEqual's expect.anything() refuses null, so normalise it first.
function normalised(response: { status: number; body: unknown }) {
  const body = response.body as { error?: { details?: unknown } } | null;
  if (body?.error && body.error.details === null) body.error.details = "null";
  return response;
}

describe("every documented route with malformed input", () => {
  const operations = apiOperations.map((operation) => ({
    ...operation,
    label: `${operation.method} ${operation.path}`,
  }));

  it.each(operations)("$label answers 4xx in the documented shape, never 5xx", async (operation) => {
    const handler = await handlerFor(operation.path, operation.method);
    const method = operation.method as Method;
    // The path's one parameter, `{id}` mostly (`{name}` for an event type).
    const param = /\{(\w+)\}/.exec(operation.path)?.[1];
    const hasId = param !== undefined;
    // Existing rows where there are some, so bodies reach the code that writes them.
    const existing = operation.path.startsWith("/api/v1/projects/")
      ? projectId
      : /^\/api\/(v1|settings)\/webhooks\//.test(operation.path)
        ? webhookId
        : ids[0]![1];
    const paramsFor = (id: string | undefined) => {
      const url = operation.path.replace(`{${param}}`, id ?? "");
      if (operation.path.startsWith(codescoringSurface))
        return {
          url,
          params: { path: url.slice(codescoringSurface.length).split("/").filter(Boolean) } as unknown as Record<
            string,
            string
          >,
        };
      return { url, params: id === undefined || param === undefined ? undefined : { [param]: id } };
    };
    const { url, params } = paramsFor(hasId ? existing : undefined);
    const send = (extra: Partial<Parameters<typeof call>[3]>) =>
      call(method, handler, url, { ...auth, params, ...extra }).then(normalised);

    if (method !== "GET" && method !== "DELETE") {
      for (const [label, rawBody, contentType] of bodies)
        expectDocumentedAnswer(await send({ rawBody, contentType }), `${operation.label} with ${label}`);
    }
    if (method === "GET") {
      for (const [label, query] of queries)
        expectDocumentedAnswer(await send({ query }), `${operation.label} with ${label}`);
    }
    if (hasId) {
      for (const [label, id] of ids) {
        const target = paramsFor(id);
        const response = await call(method, handler, target.url, {
          ...auth,
          params: target.params,
          ...(method === "GET" || method === "DELETE" ? {} : { rawBody: "{}" }),
        }).then(normalised);
        expectDocumentedAnswer(response, `${operation.label} with ${label}`);
      }
    }
    // The calls got past the gate: the owner's session is accepted, so the answers come from the routes' own validation.
    expect(
      statuses.get(operation.label)?.every((status) => status === 401 || status === 403),
      operation.label,
    ).toBe(false);
  });

  it("called every operation", () => {
    expect(statuses.size).toBe(apiOperations.length);
  });
});
