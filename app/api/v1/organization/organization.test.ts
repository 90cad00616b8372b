import { describe, expect, it } from "vitest";
import * as unknownRoute from "@/app/api/v1/[...path]/route";
import * as organization from "@/app/api/v1/organization/route";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import { addMember, createApiToken, createOrg } from "@/test/factories";

describe("organization API", () => {
  it("describes the caller's org without internal columns", async () => {
    const { org } = await createOrg("Acme");
    const { token } = await createApiToken(org.id, ["projects:read"]);
    const response = await call("GET", organization.GET, "/api/v1/organization", { token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: org.id,
      slug: org.slug,
      name: "Acme",
      createdAt: org.createdAt.toISOString(),
      webhookLimitPerProject: 10,
      webhookLimitOrg: 10,
      retentionDays: 30,
    });
  });

  it("lets an admin rename the org, and records it", async () => {
    const { org } = await createOrg("Before");
    const { user } = await addMember(org.id, "admin");
    const renamed = await call("PATCH", organization.PATCH, "/api/v1/organization", {
      session: { userId: user.id, orgSlug: org.slug },
      body: { name: "  After  " },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: org.id, slug: org.slug, name: "After" });
    const audit = await db.auditLog.findFirst({ where: { orgId: org.id, action: "organization.updated" } });
    expect(audit?.metadata).toEqual({ changes: { name: { before: "Before", after: "After" } } });
  });

  it("refuses renames from members without org:manage, from tokens, and with bad names", async () => {
    const { org } = await createOrg();
    const { user } = await addMember(org.id, "member");
    const asMember = await call("PATCH", organization.PATCH, "/api/v1/organization", {
      session: { userId: user.id, orgSlug: org.slug },
      body: { name: "Nope" },
    });
    expect(asMember.status).toBe(403);

    const { token } = await createApiToken(org.id, ["projects:write"]);
    const asToken = await call("PATCH", organization.PATCH, "/api/v1/organization", { token, body: { name: "Nope" } });
    expect(asToken.status).toBe(403);

    const { user: admin } = await addMember(org.id, "admin");
    const session = { userId: admin.id, orgSlug: org.slug };
    for (const body of [{ name: "x" }, { name: "ok name", slug: "hijack" }, {}]) {
      const response = await call("PATCH", organization.PATCH, "/api/v1/organization", { session, body });
      expect(response.status).toBe(422);
    }
    const unchanged = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(unchanged.name).toBe(org.name);
  });

  it("only ever shows and renames the caller's own org", async () => {
    const { org: mine } = await createOrg("Mine");
    const { org: theirs, owner } = await createOrg("Theirs");
    const { token } = await createApiToken(mine.id, ["projects:read"]);
    const fetched = await call("GET", organization.GET, "/api/v1/organization", {
      token,
      headers: { "x-organization": theirs.slug },
    });
    expect(fetched.body.id).toBe(mine.id);

    const outsider = await call("PATCH", organization.PATCH, "/api/v1/organization", {
      session: { userId: owner.id, orgSlug: mine.slug },
      body: { name: "Taken over" },
    });
    expect(outsider.status).toBe(404);
  });
});

describe("unknown API routes", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"] as const)("answer %s with a JSON 404", async (method) => {
    const response = await call(method, unknownRoute[method], "/api/v1/no/such/thing");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: "not_found", message: "No such API route.", details: null } });
  });
});

describe("per-org webhook limits", () => {
  it("lets an owner raise the limits, which the webhook API then enforces", async () => {
    const { org, owner } = await createOrg();
    const session = { userId: owner.id, orgSlug: org.slug };
    const updated = await call("PATCH", organization.PATCH, "/api/v1/organization", {
      session,
      body: { webhookLimitOrg: 1, retentionDays: 7 },
    });
    expect(updated.body).toMatchObject({ webhookLimitOrg: 1, retentionDays: 7, webhookLimitPerProject: 10 });
    const { POST } = await import("@/app/api/v1/webhooks/route");
    const { token } = await createApiToken(org.id, ["webhooks:write"]);
    const body = { name: "one", url: "https://example.com/1" };
    expect((await call("POST", POST, "/api/v1/webhooks", { token, body })).status).toBe(201);
    expect((await call("POST", POST, "/api/v1/webhooks", { token, body })).status).toBe(409);
    const audit = await db.auditLog.findFirst({ where: { orgId: org.id, action: "organization.updated" } });
    expect(audit?.metadata).toEqual({
      changes: { webhookLimitOrg: { before: 10, after: 1 }, retentionDays: { before: 30, after: 7 } },
    });
    for (const bad of [{}, { webhookLimitOrg: 0 }, { retentionDays: 1000 }]) {
      expect((await call("PATCH", organization.PATCH, "/api/v1/organization", { session, body: bad })).status).toBe(
        422,
      );
    }
  });
});

describe("owner settings", () => {
  it("refuses an admin's change to limits or retention, with or without a rename, and changes nothing", async () => {
    const { org } = await createOrg("Owned");
    const { user: admin } = await addMember(org.id, "admin");
    const session = { userId: admin.id, orgSlug: org.slug };
    for (const body of [
      { webhookLimitPerProject: 20 },
      { webhookLimitOrg: 20 },
      { retentionDays: 90 },
      { name: "Renamed too", retentionDays: 90 },
    ]) {
      const response = await call("PATCH", organization.PATCH, "/api/v1/organization", { session, body });
      expect(response).toEqual({
        status: 403,
        body: {
          error: {
            code: "forbidden",
            message: "Changing webhook limits or history retention needs the owner role.",
            details: null,
          },
        },
      });
    }
    const unchanged = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(unchanged).toMatchObject({
      name: "Owned",
      webhookLimitPerProject: 10,
      webhookLimitOrg: 10,
      retentionDays: 30,
    });
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "organization.updated" } })).toBe(0);
  });
});
