import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { route, routes } from "@/lib/http/route";
import { defineOperations } from "@/lib/openapi/operation";
import { call } from "@/test/api";
import { createApiToken, createOrg } from "@/test/factories";

// Operations of a made-up resource: route() is checked on its own, apart from the real API.
const thing = z.object({ id: z.string(), size: z.number() });
const ops = defineOperations({
  listThings: {
    method: "GET",
    path: "/api/v1/things",
    tag: "Projects",
    permission: "projects:read",
    summary: "List things",
    query: z.strictObject({ size: z.coerce.number().int().min(1) }),
    outcome: { status: 200, description: "Things.", schema: z.object({ data: z.array(thing) }) },
  },
  createThing: {
    method: "POST",
    path: "/api/v1/things",
    tag: "Projects",
    permission: "projects:write",
    summary: "Create a thing",
    body: z.strictObject({ size: z.number().int() }),
    bodyOptions: { maxBytes: 64 },
    outcome: { status: 201, description: "The thing.", schema: thing },
  },
  deleteThing: {
    method: "DELETE",
    path: "/api/v1/things/{id}",
    tag: "Projects",
    permission: "projects:write",
    summary: "Delete a thing",
    pathParams: { id: "The thing's id." },
    outcome: { status: 204, description: "Deleted." },
  },
  resizeThing: {
    method: "POST",
    path: "/api/v1/things/{id}/resize",
    tag: "Projects",
    permission: "projects:write",
    summary: "Resize a thing",
    pathParams: { id: "The thing's id." },
    body: z.strictObject({ size: z.number().int().optional() }),
    bodyOptions: { optional: true },
    outcome: { status: 200, description: "The thing.", schema: thing },
  },
  importThings: {
    method: "POST",
    path: "/api/v1/things/import",
    tag: "Projects",
    permission: "projects:write",
    summary: "Import things",
    body: z.array(z.unknown()),
    bodyOptions: { validatedBy: "handler" },
    outcome: { status: 202, description: "How many.", schema: z.object({ count: z.number() }) },
  },
});

let reader: string;
let writer: string;

beforeAll(async () => {
  const { org } = await createOrg();
  reader = (await createApiToken(org.id, ["projects:read"])).token;
  writer = (await createApiToken(org.id, ["projects:write"])).token;
});

describe("route(operation, handler)", () => {
  it("is gated by withOrg with the operation's permission", async () => {
    const handler = vi.fn(async () => ({ id: "t1", size: 1 }));
    const POST = route(ops.createThing, handler);
    expect((await call("POST", POST, "/api/v1/things", { body: { size: 1 } })).status).toBe(401);
    const refused = await call("POST", POST, "/api/v1/things", { token: reader, body: { size: 1 } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("projects:write");
    expect(handler).not.toHaveBeenCalled();
    expect((await call("POST", POST, "/api/v1/things", { token: writer, body: { size: 1 } })).status).toBe(201);
    expect(POST.operations).toEqual([ops.createThing]);
  });

  it("parses the query and the body by the operation's schemas before the handler runs", async () => {
    const handler = vi.fn(async ({ query }: { query: { size: number } }) => ({
      data: [{ id: "t1", size: query.size }],
    }));
    const GET = route(ops.listThings, handler);
    const listed = await call("GET", GET, "/api/v1/things", { token: reader, query: { size: "3" } });
    expect(listed).toEqual({ status: 200, body: { data: [{ id: "t1", size: 3 }] } });
    const badQuery = await call("GET", GET, "/api/v1/things", { token: reader, query: { size: "0", other: "1" } });
    expect(badQuery.status).toBe(422);
    expect(badQuery.body.error.code).toBe("validation_failed");
    expect(handler).toHaveBeenCalledTimes(1);

    const create = vi.fn(async ({ body }: { body: { size: number } }) => ({ id: "t2", size: body.size }));
    const POST = route(ops.createThing, create);
    expect((await call("POST", POST, "/api/v1/things", { token: writer, body: { size: "big" } })).status).toBe(422);
    expect(
      (await call("POST", POST, "/api/v1/things", { token: writer, rawBody: "{", contentType: "application/json" }))
        .body.error.code,
    ).toBe("invalid_json");
    expect(
      (await call("POST", POST, "/api/v1/things", { token: writer, rawBody: "size=1", contentType: "text/plain" }))
        .status,
    ).toBe(415);
    expect(
      (await call("POST", POST, "/api/v1/things", { token: writer, body: { size: 1, padding: "x".repeat(100) } }))
        .status,
    ).toBe(413);
    expect(create).not.toHaveBeenCalled();
  });

  it("answers through the outcome's schema: unknown fields are dropped, a wrong answer is a 500", async () => {
    const leaky = route(ops.createThing, async () => ({ id: "t3", size: 1, secret: "never sent" }));
    expect((await call("POST", leaky, "/api/v1/things", { token: writer, body: { size: 1 } })).body).toEqual({
      id: "t3",
      size: 1,
    });
    const wrong = route(
      ops.createThing,
      async () => ({ id: "t3", size: "one" }) as unknown as { id: string; size: number },
    );
    const answered = await call("POST", wrong, "/api/v1/things", { token: writer, body: { size: 1 } });
    expect(answered).toEqual({
      status: 500,
      body: { error: { code: "internal_error", message: "Something went wrong on our side.", details: null } },
    });
  });

  it("answers 204 without a body, with the handler's response headers and the path's params", async () => {
    const DELETE = route(ops.deleteThing, async ({ params, responseHeaders }) => {
      responseHeaders.set("x-deleted", params.id);
    });
    const response = await DELETE(
      new Request("http://localhost:3000/api/v1/things/t9", {
        method: "DELETE",
        headers: { authorization: `Bearer ${writer}` },
      }),
      {
        params: Promise.resolve({ id: "t9" }),
      },
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("x-deleted")).toBe("t9");
    expect(await response.text()).toBe("");
  });

  it("reads an optional body only when a Content-Type is sent, and hands a handler-validated body over as JSON with its size", async () => {
    const POST = route(ops.resizeThing, async ({ params, body }) => ({ id: params.id, size: body?.size ?? -1 }));
    const at = (body?: unknown) =>
      call("POST", POST, "/api/v1/things/t1/resize", { token: writer, params: { id: "t1" }, body });
    expect((await at()).body).toEqual({ id: "t1", size: -1 });
    expect((await at({ size: 4 })).body).toEqual({ id: "t1", size: 4 });
    expect((await at({ size: "x" })).status).toBe(422);

    const seen: Array<[unknown, number]> = [];
    const importer = route(ops.importThings, async ({ body, bodyBytes }) => {
      seen.push([body, bodyBytes]);
      return { count: Array.isArray(body) ? body.length : 0 };
    });
    const imported = await call("POST", importer, "/api/v1/things/import", {
      token: writer,
      body: { not: "an array" },
    });
    expect(imported).toEqual({ status: 202, body: { count: 0 } });
    expect(seen).toEqual([[{ not: "an array" }, 18]]);
  });
});

describe("routes(basePath, ...) for a catch-all route", () => {
  const base = "/api/settings/webhooks";
  const catchAll = defineOperations({
    listAll: {
      method: "GET",
      path: "/api/settings/webhooks",
      tag: "CodeScoring-compatible API",
      permission: "projects:read",
      summary: "List",
      outcome: { status: 200, description: "All.", schema: z.array(z.string()) },
    },
    listKinds: {
      method: "GET",
      path: "/api/settings/webhooks/kinds",
      tag: "CodeScoring-compatible API",
      permission: "projects:read",
      summary: "Kinds",
      outcome: { status: 200, description: "Kinds.", schema: z.array(z.string()) },
    },
    getOne: {
      method: "GET",
      path: "/api/settings/webhooks/{id}",
      tag: "CodeScoring-compatible API",
      permission: "projects:read",
      summary: "One",
      pathParams: { id: "Its id." },
      outcome: { status: 200, description: "One.", schema: z.object({ id: z.string() }) },
    },
    probeOne: {
      method: "POST",
      path: "/api/settings/webhooks/{id}/probe",
      tag: "CodeScoring-compatible API",
      permission: "projects:write",
      summary: "Probe",
      pathParams: { id: "Its id." },
      outcome: { status: 200, description: "Probed.", schema: z.object({ probed: z.string() }) },
    },
  });
  const { GET, POST } = routes(
    base,
    route(catchAll.listAll, async () => ["a", "b"]),
    route(catchAll.listKinds, async () => ["kind"]),
    route(catchAll.getOne, async ({ params }) => ({ id: params.id })),
    route(catchAll.probeOne, async ({ params }) => ({ probed: params.id })),
  );
  const get = (segments: string[], token = reader) =>
    call("GET", GET, base, { token, params: { path: segments } as unknown as Record<string, string> });

  it("serves the operation whose path matches, with or without a trailing slash", async () => {
    expect((await get([])).body).toEqual(["a", "b"]);
    expect((await get(["kinds", ""])).body).toEqual(["kind"]);
    expect((await get(["x1"])).body).toEqual({ id: "x1" });
    const probed = await call("POST", POST, base, {
      token: writer,
      params: { path: ["x1", "probe"] } as unknown as Record<string, string>,
    });
    expect(probed.body).toEqual({ probed: "x1" });
    expect(GET.operations).toEqual([catchAll.listAll, catchAll.listKinds, catchAll.getOne]);
  });

  it("answers 404 for any other path, after the gate; a literal segment is never an id", async () => {
    const notFound = {
      status: 404,
      body: { error: { code: "not_found", message: "No such API route.", details: null } },
    };
    expect(await get(["x1", "more"])).toEqual(notFound);
    expect(await get(["probe"])).toEqual(notFound);
    expect(
      (await call("GET", GET, base, { params: { path: ["x1", "more"] } as unknown as Record<string, string> })).status,
    ).toBe(401);
  });

  it("refuses operations of one method that need different permissions, or that are not under the base path", () => {
    const mixed = defineOperations({
      a: {
        method: "GET",
        path: "/api/settings/webhooks/a",
        tag: "CodeScoring-compatible API",
        permission: "projects:read",
        summary: "A",
        outcome: { status: 204, description: "A." },
      },
      b: {
        method: "GET",
        path: "/api/settings/webhooks/b",
        tag: "CodeScoring-compatible API",
        permission: "audit:read",
        summary: "B",
        outcome: { status: 204, description: "B." },
      },
      c: {
        method: "GET",
        path: "/api/v1/c",
        tag: "CodeScoring-compatible API",
        permission: "projects:read",
        summary: "C",
        outcome: { status: 204, description: "C." },
      },
    });
    const noop = async () => {};
    expect(() => routes(base, route(mixed.a, noop), route(mixed.b, noop))).toThrow(/one permission/);
    expect(() => routes(base, route(mixed.c, noop))).toThrow(/not under/);
  });
});
