import { beforeAll, describe, expect, it } from "vitest";
import * as auditLog from "@/app/api/v1/audit-log/route";
import * as emails from "@/app/api/v1/emails/route";
import * as invitationItem from "@/app/api/v1/invitations/[id]/route";
import * as invitations from "@/app/api/v1/invitations/route";
import * as memberItem from "@/app/api/v1/members/[id]/route";
import * as members from "@/app/api/v1/members/route";
import * as projectItem from "@/app/api/v1/projects/[id]/route";
import * as projects from "@/app/api/v1/projects/route";
import * as tokenItem from "@/app/api/v1/tokens/[id]/route";
import * as tokens from "@/app/api/v1/tokens/route";
import { db } from "@/lib/db";
import { call, type Caller } from "@/test/api";
import { addMember, createApiToken, createOrg, createProjectRow } from "@/test/factories";

// Org A's resources; every test acts as someone from org B (or a weaker role in A) and must fail.
const a = {} as {
  orgId: string;
  slug: string;
  projectId: string;
  tokenId: string;
  memberId: string;
  invitationId: string;
};
const b = {} as { token: string; ownerSession: Caller["session"] };

beforeAll(async () => {
  const { org } = await createOrg("Org A");
  const project = await createProjectRow(org.id, "secret-project");
  const { row: token } = await createApiToken(org.id, ["projects:read"]);
  const { member } = await addMember(org.id, "member");
  const invitation = await db.invitation.create({
    data: {
      orgId: org.id,
      email: "invitee@example.com",
      tokenHash: "x".repeat(64),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  Object.assign(a, {
    orgId: org.id,
    slug: org.slug,
    projectId: project.id,
    tokenId: token.id,
    memberId: member.id,
    invitationId: invitation.id,
  });

  const { org: orgB, owner: ownerB } = await createOrg("Org B");
  await createProjectRow(orgB.id, "b-project");
  b.token = (await createApiToken(orgB.id, ["projects:write"])).token;
  b.ownerSession = { userId: ownerB.id, orgSlug: orgB.slug };
});

describe("org B never reaches org A", () => {
  const idRoutes = () =>
    [
      ["GET", projectItem.GET, "projects", a.projectId, undefined],
      ["PATCH", projectItem.PATCH, "projects", a.projectId, { name: "pwned" }],
      ["DELETE", projectItem.DELETE, "projects", a.projectId, undefined],
      ["DELETE", tokenItem.DELETE, "tokens", a.tokenId, undefined],
      ["PATCH", memberItem.PATCH, "members", a.memberId, { role: "owner" }],
      ["DELETE", memberItem.DELETE, "members", a.memberId, undefined],
      ["DELETE", invitationItem.DELETE, "invitations", a.invitationId, undefined],
    ] as const;

  it("answers 404 for every org A id, as B's owner session", async () => {
    for (const [method, handler, resource, id, body] of idRoutes()) {
      const response = await call(method, handler, `/api/v1/${resource}/${id}`, {
        session: b.ownerSession,
        params: { id },
        body,
      });
      expect({ route: `${method} ${resource}`, status: response.status }).toEqual({
        route: `${method} ${resource}`,
        status: 404,
      });
    }
  });

  it("answers 404 for org A's project ids, as B's API token", async () => {
    for (const [method, handler] of [
      ["GET", projectItem.GET],
      ["PATCH", projectItem.PATCH],
      ["DELETE", projectItem.DELETE],
    ] as const) {
      const body = method === "PATCH" ? { name: "pwned" } : undefined;
      const response = await call(method, handler, `/api/v1/projects/${a.projectId}`, {
        token: b.token,
        params: { id: a.projectId },
        body,
      });
      expect(response.status).toBe(404);
    }
  });

  it("lists only B's own rows", async () => {
    const listed = await call("GET", projects.GET, "/api/v1/projects", { token: b.token });
    expect(listed.body.data.map((project: { key: string }) => project.key)).toEqual(["b-project"]);
    for (const [handler, path] of [
      [members.GET, "members"],
      [tokens.GET, "tokens"],
      [invitations.GET, "invitations"],
      [emails.GET, "emails"],
      [auditLog.GET, "audit-log"],
    ] as const) {
      const response = await call("GET", handler, `/api/v1/${path}`, { session: b.ownerSession });
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toContain(a.orgId);
      expect(JSON.stringify(response.body)).not.toContain("secret-project");
      expect(JSON.stringify(response.body)).not.toContain("invitee@example.com");
    }
  });

  it("cannot use org A's slug in the org header", async () => {
    const response = await call("GET", projects.GET, "/api/v1/projects", {
      session: { userId: b.ownerSession!.userId, orgSlug: a.slug },
    });
    expect(response.status).toBe(404);
  });

  it("left every org A row untouched", async () => {
    expect(await db.project.findUnique({ where: { id: a.projectId } })).toMatchObject({
      name: "Project secret-project",
    });
    expect(await db.apiToken.findUnique({ where: { id: a.tokenId } })).toMatchObject({ revokedAt: null });
    expect(await db.member.findUnique({ where: { id: a.memberId } })).toMatchObject({ role: "member" });
    expect(await db.invitation.findUnique({ where: { id: a.invitationId } })).not.toBeNull();
  });
});

describe("roles and scopes inside one org", () => {
  it("lets a viewer read but not write anything", async () => {
    const { user } = await addMember(a.orgId, "viewer");
    const session = { userId: user.id, orgSlug: a.slug };
    expect((await call("GET", projects.GET, "/api/v1/projects", { session })).status).toBe(200);
    const writes = [
      await call("POST", projects.POST, "/api/v1/projects", { session, body: { key: "v", name: "v" } }),
      await call("PATCH", projectItem.PATCH, "/", { session, params: { id: a.projectId }, body: { name: "v" } }),
      await call("DELETE", projectItem.DELETE, "/", { session, params: { id: a.projectId } }),
      await call("POST", tokens.POST, "/api/v1/tokens", { session, body: { name: "t", scopes: ["projects:read"] } }),
      await call("POST", invitations.POST, "/api/v1/invitations", { session, body: { email: "x@example.com" } }),
      await call("PATCH", memberItem.PATCH, "/", { session, params: { id: a.memberId }, body: { role: "viewer" } }),
    ];
    expect(writes.map((response) => response.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(writes[0]?.body.error.code).toBe("forbidden");
  });

  it("refuses a token without the scope with 403, and never lets a token manage tokens or members", async () => {
    const { token: readOnly } = await createApiToken(a.orgId, ["projects:read"]);
    const write = await call("POST", projects.POST, "/api/v1/projects", {
      token: readOnly,
      body: { key: "t", name: "t" },
    });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toContain("projects:write");
    const { token: strong } = await createApiToken(a.orgId, [
      "projects:write",
      "webhooks:write",
      "events:write",
      "deliveries:write",
    ]);
    expect((await call("GET", tokens.GET, "/api/v1/tokens", { token: strong })).status).toBe(403);
    expect(
      (
        await call("POST", tokens.POST, "/api/v1/tokens", {
          token: strong,
          body: { name: "x", scopes: ["projects:read"] },
        })
      ).status,
    ).toBe(403);
    expect((await call("GET", members.GET, "/api/v1/members", { token: strong })).status).toBe(200);
    expect((await call("DELETE", memberItem.DELETE, "/", { token: strong, params: { id: a.memberId } })).status).toBe(
      403,
    );
  });

  it("keeps the last owner: an org cannot lose its only owner", async () => {
    const { org, owner } = await createOrg();
    const ownerMember = await db.member.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } });
    const session = { userId: owner.id, orgSlug: org.slug };
    const demote = await call("PATCH", memberItem.PATCH, "/", {
      session,
      params: { id: ownerMember.id },
      body: { role: "admin" },
    });
    expect(demote.status).toBe(409);
    const remove = await call("DELETE", memberItem.DELETE, "/", { session, params: { id: ownerMember.id } });
    expect(remove.status).toBe(409);
  });

  it("does not let an admin promote anyone to owner or remove an owner", async () => {
    const { org, owner } = await createOrg();
    const { user: admin } = await addMember(org.id, "admin");
    const { member } = await addMember(org.id, "member");
    const session = { userId: admin.id, orgSlug: org.slug };
    expect(
      (await call("PATCH", memberItem.PATCH, "/", { session, params: { id: member.id }, body: { role: "owner" } }))
        .status,
    ).toBe(403);
    const ownerMember = await db.member.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } });
    expect((await call("DELETE", memberItem.DELETE, "/", { session, params: { id: ownerMember.id } })).status).toBe(
      403,
    );
    expect(
      (await call("PATCH", memberItem.PATCH, "/", { session, params: { id: member.id }, body: { role: "viewer" } }))
        .status,
    ).toBe(200);
  });
});
