import { beforeAll, describe, expect, it } from "vitest";
import * as auditLog from "@/app/api/v1/audit-log/route";
import * as member from "@/app/api/v1/members/[id]/route";
import * as organization from "@/app/api/v1/organization/route";
import * as portfolio from "@/app/api/v1/portfolios/[id]/route";
import * as portfolios from "@/app/api/v1/portfolios/route";
import * as project from "@/app/api/v1/projects/[id]/route";
import * as webhooks from "@/app/api/v1/webhooks/route";
import * as webhook from "@/app/api/v1/webhooks/[id]/route";
import { call } from "@/test/api";
import { addMember, createApiToken, createOrg, createProjectRow } from "@/test/factories";

interface Entry {
  id: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  metadata: Record<string, unknown>;
}

/** An org with an owner's session, a token, and a webhook the token created then changed (name, then secret). */
async function orgWithHistory(name: string) {
  const { org, owner } = await createOrg(name);
  const session = { userId: owner.id, orgSlug: org.slug };
  const { row: tokenRow, token } = await createApiToken(org.id, ["webhooks:write"]);
  const created = await call("POST", webhooks.POST, "/api/v1/webhooks", {
    token,
    body: {
      name: "Orders",
      url: "https://hooks.example.com/orders",
      format: "deepsource",
      secret: "first-secret-0123456789",
    },
  });
  expect(created.status).toBe(201);
  const webhookId: string = created.body.id;
  const patch = (body: object) =>
    call("PATCH", webhook.PATCH, `/api/v1/webhooks/${webhookId}`, { token, params: { id: webhookId }, body });
  expect((await patch({ name: "Orders (prod)", timeoutMs: 7000 })).status).toBe(200);
  expect((await patch({ secret: "second-secret-0123456789" })).status).toBe(200);
  const list = async (query: Record<string, string> = {}) => {
    const response = await call("GET", auditLog.GET, "/api/v1/audit-log", { session, query });
    return response as { status: number; body: { data: Entry[]; nextCursor: string | null; error?: unknown } };
  };
  return { org, owner, session, tokenRow, webhookId, list };
}

let a: Awaited<ReturnType<typeof orgWithHistory>>;
let b: Awaited<ReturnType<typeof orgWithHistory>>;

beforeAll(async () => {
  a = await orgWithHistory("Audit A");
  b = await orgWithHistory("Audit B");
});

describe("audit log filters", () => {
  it("by action: an update lists the fields it changed, before and after, and nothing else", async () => {
    const { status, body } = await a.list({ action: "webhook.updated" });
    expect(status).toBe(200);
    expect(body.data).toHaveLength(2);
    expect(body.data.every((entry) => entry.action === "webhook.updated" && entry.targetId === a.webhookId)).toBe(true);
    const [secretChange, rename] = body.data;
    expect(rename?.metadata).toEqual({
      name: "Orders (prod)",
      changes: {
        name: { before: "Orders", after: "Orders (prod)" },
        timeoutMs: { before: expect.any(Number), after: 7000 },
      },
    });
    expect(secretChange?.metadata).toEqual({ name: "Orders (prod)", changes: { secret: { hidden: true } } });
    expect(JSON.stringify(body)).not.toContain("secret-0123456789");
  });

  it("by actor: the token's entries, or only the hub's", async () => {
    const byToken = await a.list({ actorType: "token", actorId: a.tokenRow.id });
    expect(byToken.body.data.map((entry) => entry.action)).toEqual([
      "webhook.updated",
      "webhook.updated",
      "webhook.created",
    ]);
    const byOwner = await a.list({ actorId: a.owner.id });
    expect(byOwner.body.data.map((entry) => entry.action)).toEqual(["organization.created"]);
    expect((await a.list({ actorType: "system" })).body.data).toEqual([]);
  });

  it("by object: every entry about one webhook, or about one kind of object", async () => {
    const aboutWebhook = await a.list({ targetType: "webhook", targetId: a.webhookId });
    expect(aboutWebhook.body.data).toHaveLength(3);
    const aboutOrgs = await a.list({ targetType: "organization" });
    expect(aboutOrgs.body.data.map((entry) => entry.action)).toEqual(["organization.created"]);
  });

  it("records role and settings changes as before and after", async () => {
    const { member: joined } = await addMember(a.org.id, "member");
    const promoted = await call("PATCH", member.PATCH, `/api/v1/members/${joined.id}`, {
      session: a.session,
      params: { id: joined.id },
      body: { role: "admin" },
    });
    expect(promoted.status).toBe(200);
    const renamed = await call("PATCH", organization.PATCH, "/api/v1/organization", {
      session: a.session,
      body: { name: "Audit A renamed", retentionDays: 30 },
    });
    expect(renamed.status).toBe(200);
    const [role] = (await a.list({ action: "member.role_changed" })).body.data;
    expect(role?.metadata).toMatchObject({ changes: { role: { before: "member", after: "admin" } } });
    const [settings] = (await a.list({ action: "organization.updated" })).body.data;
    // retentionDays was already 30: unchanged, so not listed.
    expect(settings?.metadata).toEqual({ changes: { name: { before: "Audit A", after: "Audit A renamed" } } });
  });

  it("records project and portfolio changes as before and after", async () => {
    const { token } = await createApiToken(a.org.id, ["projects:write"]);
    const web = await createProjectRow(a.org.id, "web");
    const api = await createProjectRow(a.org.id, "api");
    const renamed = await call("PATCH", project.PATCH, `/api/v1/projects/${web.id}`, {
      token,
      params: { id: web.id },
      body: { name: "Website" },
    });
    expect(renamed.status).toBe(200);
    const [projectEntry] = (await a.list({ action: "project.updated", targetId: web.id })).body.data;
    expect(projectEntry?.metadata).toEqual({
      key: "web",
      changes: { name: { before: "Project web", after: "Website" } },
    });

    const created = await call("POST", portfolios.POST, "/api/v1/portfolios", {
      token,
      body: { name: "Vendors", projectIds: [web.id] },
    });
    const id: string = created.body.id;
    const grown = await call("PATCH", portfolio.PATCH, `/api/v1/portfolios/${id}`, {
      token,
      params: { id },
      body: { name: "Vendors", projectIds: [api.id, web.id] },
    });
    expect(grown.status).toBe(200);
    const [portfolioEntry] = (await a.list({ targetType: "portfolio", action: "portfolio.updated" })).body.data;
    expect(portfolioEntry?.metadata).toEqual({
      name: "Vendors",
      changes: { projectIds: { before: [web.id], after: [api.id, web.id].sort() } },
    });
  });

  it("pages through a filtered list with its cursor, without repeats or other entries", async () => {
    const first = await a.list({ targetId: a.webhookId, limit: "2" });
    expect(first.body.data).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await a.list({ targetId: a.webhookId, limit: "2", cursor: first.body.nextCursor! });
    expect(second.body.data.map((entry) => entry.action)).toEqual(["webhook.created"]);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.data, ...second.body.data].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("audit log tenancy", () => {
  it("never shows one org another org's entries, whatever the filters name", async () => {
    const queries: Record<string, string>[] = [
      { targetId: a.webhookId },
      { actorId: a.tokenRow.id },
      { actorId: a.owner.id },
      { targetType: "webhook", targetId: a.webhookId, action: "webhook.updated" },
    ];
    for (const query of queries) {
      const response = await b.list(query);
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual([]);
    }
    const own = await b.list({ action: "webhook.updated" });
    expect(own.body.data.map((entry) => entry.targetId)).toEqual([b.webhookId, b.webhookId]);
    expect(JSON.stringify(own.body)).not.toContain(a.org.id);
  });
});

describe("audit log input", () => {
  it.each([
    [{ action: "webhook.exploded" }, "action"],
    [{ targetType: "planet" }, "targetType"],
    [{ actorType: "robot" }, "actorType"],
    [{ actorId: "usr_1' OR 1=1" }, "actorId"],
    [{ targetId: "x".repeat(65) }, "targetId"],
    [{ actorType: "system", actorId: "usr_1" }, "actorId"],
    [{ limit: "0" }, "limit"],
  ])("refuses %o with a 422 on %s", async (query, path) => {
    const response = await a.list(query);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: "validation_failed",
      details: [{ path, message: expect.any(String) }],
    });
  });

  it("refuses a parameter it does not know", async () => {
    const response = await a.list({ actor: "someone" });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: "validation_failed" });
  });
});
