import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/projects/route";
import * as item from "@/app/api/v1/projects/[id]/route";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import { addMember, createApiToken, createOrg } from "@/test/factories";

let token: string;
let orgId: string;

beforeAll(async () => {
  const { org } = await createOrg();
  orgId = org.id;
  ({ token } = await createApiToken(org.id, ["projects:write"]));
});

describe("projects API", () => {
  it("creates, reads, updates, lists and deletes a project", async () => {
    const created = await call("POST", collection.POST, "/api/v1/projects", {
      token,
      body: { key: "web-app", name: "Web App" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: "web-app", name: "Web App" });
    expect(created.body.id).toMatch(/^prj_[0-9a-f]{32}$/);
    const id: string = created.body.id;

    const fetched = await call("GET", item.GET, `/api/v1/projects/${id}`, { token, params: { id } });
    expect(fetched.body).toMatchObject({ id, key: "web-app" });

    const updated = await call("PATCH", item.PATCH, `/api/v1/projects/${id}`, {
      token,
      params: { id },
      body: { name: "Web" },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, key: "web-app", name: "Web" });

    const listed = await call("GET", collection.GET, "/api/v1/projects", { token });
    expect(listed.body.data.map((project: { id: string }) => project.id)).toContain(id);

    const deleted = await call("DELETE", item.DELETE, `/api/v1/projects/${id}`, { token, params: { id } });
    expect(deleted.status).toBe(204);
    const gone = await call("GET", item.GET, `/api/v1/projects/${id}`, { token, params: { id } });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("not_found");

    const audit = await db.auditLog.findMany({ where: { orgId, targetId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["project.created", "project.updated", "project.deleted"]);
    expect(audit[0]?.actorType).toBe("token");
  });

  it("pages through a list with a cursor, newest first, without repeats", async () => {
    const { org } = await createOrg();
    const { token: pager } = await createApiToken(org.id, ["projects:write"]);
    for (let index = 0; index < 5; index++) {
      await call("POST", collection.POST, "/api/v1/projects", {
        token: pager,
        body: { key: `k${index}`, name: `P${index}` },
      });
    }
    const first = await call("GET", collection.GET, "/api/v1/projects", { token: pager, query: { limit: "2" } });
    expect(first.body.data.map((project: { key: string }) => project.key)).toEqual(["k4", "k3"]);
    const second = await call("GET", collection.GET, "/api/v1/projects", {
      token: pager,
      query: { limit: "2", cursor: first.body.nextCursor },
    });
    expect(second.body.data.map((project: { key: string }) => project.key)).toEqual(["k2", "k1"]);
    const third = await call("GET", collection.GET, "/api/v1/projects", {
      token: pager,
      query: { limit: "2", cursor: second.body.nextCursor },
    });
    expect(third.body.data.map((project: { key: string }) => project.key)).toEqual(["k0"]);
    expect(third.body.nextCursor).toBeNull();
  });

  it("refuses a duplicate key with 409", async () => {
    await call("POST", collection.POST, "/api/v1/projects", { token, body: { key: "dup", name: "One" } });
    const again = await call("POST", collection.POST, "/api/v1/projects", { token, body: { key: "dup", name: "Two" } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "conflict", details: { field: "key" } });
  });
});

describe("bad input gets a clear 4xx in the error shape", () => {
  const cases: Array<[string, Parameters<typeof call>[3], number, string]> = [
    ["missing fields", { body: {} }, 422, "validation_failed"],
    ["wrong types", { body: { key: 12, name: true } }, 422, "validation_failed"],
    ["oversized strings", { body: { key: "k".repeat(101), name: "n".repeat(201) } }, 422, "validation_failed"],
    ["unknown fields", { body: { key: "ok-key", name: "ok", orgId: "org_other" } }, 422, "validation_failed"],
    ["an all-digit key", { body: { key: "12345", name: "Digits" } }, 422, "validation_failed"],
    ["malformed JSON", { rawBody: '{"key": "a",' }, 400, "invalid_json"],
    ["a JSON array", { body: [] }, 422, "validation_failed"],
    [
      "a non-JSON content type",
      { rawBody: "key=a", contentType: "application/x-www-form-urlencoded" },
      415,
      "unsupported_media_type",
    ],
    ["a body over the size limit", { body: { key: "big", name: "x".repeat(300 * 1024) } }, 413, "payload_too_large"],
  ];

  it.each(cases)("%s", async (_name, options, status, code) => {
    const response = await call("POST", collection.POST, "/api/v1/projects", { token, ...options });
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(typeof response.body.error.message).toBe("string");
    expect(response.body.error).toHaveProperty("details");
  });

  it("names each invalid field in details", async () => {
    const response = await call("POST", collection.POST, "/api/v1/projects", { token, body: { name: "" } });
    const paths = response.body.error.details.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["key", "name"]));
  });

  it("rejects bad pagination parameters", async () => {
    for (const query of [{ limit: "0" }, { limit: "1000" }, { limit: "abc" }, { unknown: "1" }] as Record<
      string,
      string
    >[]) {
      const response = await call("GET", collection.GET, "/api/v1/projects", { token, query });
      expect(response.status).toBe(422);
    }
  });
});

describe("authentication", () => {
  it("answers 401 without credentials, with a malformed header, or with an unknown, revoked or expired token", async () => {
    const { row: revoked, token: revokedToken } = await createApiToken(orgId, ["projects:read"], {
      revokedAt: new Date(),
    });
    const { token: expiredToken } = await createApiToken(orgId, ["projects:read"], {
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(revoked.revokedAt).not.toBeNull();
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Basic dXNlcjpwYXNz" },
      { authorization: "Bearer" },
      { authorization: "Bearer whk_not-a-real-token-at-all" },
      { authorization: `Bearer ${revokedToken}` },
      { authorization: `Bearer ${expiredToken}` },
    ];
    for (const headers of attempts) {
      const response = await call("GET", collection.GET, "/api/v1/projects", { headers });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe("unauthorized");
    }
  });

  it("records when a token was last used", async () => {
    const { row, token: fresh } = await createApiToken(orgId, ["projects:read"]);
    expect(row.lastUsedAt).toBeNull();
    await call("GET", collection.GET, "/api/v1/projects", { token: fresh });
    const after = await db.apiToken.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.lastUsedAt).toBeInstanceOf(Date);
  });

  it("accepts a signed-in member's session with the org header", async () => {
    const { user } = await addMember(orgId, "member");
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    const response = await call("POST", collection.POST, "/api/v1/projects", {
      session: { userId: user.id, orgSlug: org.slug },
      body: { key: "from-session", name: "From session" },
    });
    expect(response.status).toBe(201);
    const missingHeader = await call("GET", collection.GET, "/api/v1/projects", { session: { userId: user.id } });
    expect(missingHeader.status).toBe(400);
  });
});

describe("hostile input", () => {
  it("refuses NUL characters with a 4xx instead of a database error", async () => {
    const body = await call("POST", collection.POST, "/api/v1/projects", {
      token,
      rawBody: '{"key":"nul-key","name":"a\\u0000b"}',
    });
    expect(body.status).toBe(422);
    const id = await call("GET", item.GET, "/api/v1/projects/x", { token, params: { id: "prj_\u0000" } });
    expect(id.status).toBe(404);
    const cursor = await call("GET", collection.GET, "/api/v1/projects", { token, query: { cursor: "a\u0000b" } });
    expect(cursor.status).toBe(422);
  });

  it("refuses a malformed cursor", async () => {
    const response = await call("GET", collection.GET, "/api/v1/projects", {
      token,
      query: { cursor: "not-a-cursor" },
    });
    expect(response.status).toBe(422);
  });

  it("refuses session writes from another site (CSRF), but not token calls", async () => {
    const { user } = await addMember(orgId, "member");
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    const session = { userId: user.id, orgSlug: org.slug };
    const body = { key: "csrf", name: "CSRF" };
    const crossSite: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example" },
    ];
    for (const headers of crossSite) {
      const response = await call("POST", collection.POST, "/api/v1/projects", { session, body, headers });
      expect(response.status).toBe(403);
    }
    const sameSite = await call("POST", collection.POST, "/api/v1/projects", {
      session,
      body,
      headers: { "sec-fetch-site": "same-origin", origin: "http://localhost:3000" },
    });
    expect(sameSite.status).toBe(201);
    // A bearer token is not an ambient credential: a page elsewhere cannot make the browser send it.
    const viaToken = await call("POST", collection.POST, "/api/v1/projects", {
      token,
      body: { key: "csrf-token", name: "T" },
      headers: { origin: "https://evil.example" },
    });
    expect(viaToken.status).toBe(201);
  });
});
