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
      joinPolicy: { mode: "invitation_only" },
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

describe("the joining policy", () => {
  const patch = (session: { userId: string; orgSlug: string }, joinPolicy: unknown) =>
    call("PATCH", organization.PATCH, "/api/v1/organization", { session, body: { joinPolicy } });

  it("is invitation only until an owner names domains, stored lowercase, once each, and audited before and after", async () => {
    const { org, owner } = await createOrg();
    const session = { userId: owner.id, orgSlug: org.slug };
    const opened = await patch(session, {
      mode: "email_domain",
      domains: [" Example.COM ", "@example.com"],
      role: "admin",
    });
    expect(opened.status).toBe(200);
    expect(opened.body.joinPolicy).toEqual({ mode: "email_domain", domains: ["example.com"], role: "admin" });
    const fetched = await call("GET", organization.GET, "/api/v1/organization", { session });
    expect(fetched.body.joinPolicy).toEqual(opened.body.joinPolicy);

    // Back to invitations: the domains go with it, and both changes are in the log.
    const closed = await patch(session, { mode: "invitation_only" });
    expect(closed.body.joinPolicy).toEqual({ mode: "invitation_only" });
    const entries = await db.auditLog.findMany({
      where: { orgId: org.id, action: "organization.updated" },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((entry) => entry.metadata)).toEqual([
      {
        changes: {
          joinPolicy: { before: "invitation_only", after: "email_domain" },
          joinDomains: { before: [], after: ["example.com"] },
          joinRole: { before: "member", after: "admin" },
        },
      },
      {
        changes: {
          joinPolicy: { before: "email_domain", after: "invitation_only" },
          joinDomains: { before: ["example.com"], after: [] },
          joinRole: { before: "admin", after: "member" },
        },
      },
    ]);
    expect(entries.every((entry) => entry.actorId === owner.id)).toBe(true);
  });

  it("refuses public email providers, malformed domains and the owner role with a message for each", async () => {
    const { org, owner } = await createOrg();
    const session = { userId: owner.id, orgSlug: org.slug };
    const publicDomains = await patch(session, {
      mode: "email_domain",
      domains: ["example.com", "Gmail.com", "outlook.com"],
    });
    expect(publicDomains.status).toBe(422);
    expect(publicDomains.body.error.details).toEqual([
      {
        path: "joinPolicy.domains.1",
        message:
          "gmail.com is a public email provider where anyone can get an address. Enter your organization's own domain.",
      },
      {
        path: "joinPolicy.domains.2",
        message:
          "outlook.com is a public email provider where anyone can get an address. Enter your organization's own domain.",
      },
    ]);
    const refusals: Array<[unknown, string, string]> = [
      [{ mode: "email_domain", domains: ["ada@example.com"] }, "joinPolicy.domains.0", "Enter only what follows the @"],
      [{ mode: "email_domain", domains: ["localhost"] }, "joinPolicy.domains.0", "localhost is not a domain name."],
      [{ mode: "email_domain", domains: ["-bad.example.com"] }, "joinPolicy.domains.0", "is not a domain name"],
      [{ mode: "email_domain", domains: [] }, "joinPolicy.domains", "Add at least one domain."],
      [{ mode: "email_domain", domains: ["example.com"], role: "owner" }, "joinPolicy.role", "never owner"],
      [{ mode: "anyone" }, "joinPolicy.mode", "Choose who can join"],
      [{ mode: "invitation_only", domains: ["example.com"] }, "joinPolicy", ""],
    ];
    for (const [joinPolicy, path, message] of refusals) {
      const response = await patch(session, joinPolicy);
      expect(response.status, JSON.stringify(joinPolicy)).toBe(422);
      expect(response.body.error.details, JSON.stringify(joinPolicy)).toContainEqual({
        path,
        message: expect.stringContaining(message),
      });
    }
    const unchanged = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(unchanged).toMatchObject({ joinPolicy: "invitation_only", joinDomains: [], joinRole: "member" });
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "organization.updated" } })).toBe(0);
  });

  it("names only domains where an owner has a verified address, and keeps those it holds", async () => {
    const { org, owner } = await createOrg();
    const session = { userId: owner.id, orgSlug: org.slug };
    const stranger = await patch(session, { mode: "email_domain", domains: ["example.com", "rival.example"] });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.details).toEqual([
      {
        path: "joinPolicy.domains.1",
        message:
          "No owner of this organization has a verified address at rival.example. Add only domains where an owner's email address is.",
      },
    ]);
    // An admin's address proves nothing; an owner's verified one does.
    const { user: admin } = await addMember(org.id, "admin");
    await db.user.update({ where: { id: admin.id }, data: { email: "admin@rival.example" } });
    expect((await patch(session, { mode: "email_domain", domains: ["rival.example"] })).status).toBe(422);
    const coOwner = await addMember(org.id, "owner");
    await db.user.update({ where: { id: coOwner.user.id }, data: { email: "owner@rival.example" } });
    const allowed = await patch(session, { mode: "email_domain", domains: ["example.com", "rival.example"] });
    expect(allowed.status).toBe(200);
    // The owner at rival.example leaves; the policy keeps the domain, and can still be changed.
    await db.member.delete({ where: { id: coOwner.member.id } });
    const roleChanged = await patch(session, {
      mode: "email_domain",
      domains: ["example.com", "rival.example"],
      role: "admin",
    });
    expect(roleChanged.body.joinPolicy).toEqual({
      mode: "email_domain",
      domains: ["example.com", "rival.example"],
      role: "admin",
    });
  });

  it("is the owner's alone: an admin's change is refused, with or without a rename, and changes nothing", async () => {
    const { org } = await createOrg("Owned");
    const { user: admin } = await addMember(org.id, "admin");
    const session = { userId: admin.id, orgSlug: org.slug };
    for (const body of [
      { joinPolicy: { mode: "email_domain", domains: ["example.com"] } },
      { joinPolicy: { mode: "invitation_only" } },
      { name: "Renamed too", joinPolicy: { mode: "invitation_only" } },
    ]) {
      const response = await call("PATCH", organization.PATCH, "/api/v1/organization", { session, body });
      expect(response).toEqual({
        status: 403,
        body: {
          error: {
            code: "forbidden",
            message: "Changing who can join this organization needs the owner role.",
            details: null,
          },
        },
      });
    }
    const { token } = await createApiToken(org.id, ["projects:write"]);
    const asToken = await call("PATCH", organization.PATCH, "/api/v1/organization", {
      token,
      body: { joinPolicy: { mode: "invitation_only" } },
    });
    expect(asToken.status).toBe(403);
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      name: "Owned",
      joinPolicy: "invitation_only",
    });
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "organization.updated" } })).toBe(0);
  });
});
