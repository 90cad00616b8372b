import { createServer, type Server } from "node:net";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import * as eventTypes from "@/app/api/v1/event-types/route";
import * as item from "@/app/api/v1/webhooks/[id]/route";
import * as collection from "@/app/api/v1/webhooks/route";
import * as triggers from "@/app/api/v1/webhooks/triggers/route";
import { db } from "@/lib/db";
import { handOversSettled } from "@/lib/jobs/background-hand-overs";
import { localInngestPort } from "@/test/engine-env";
import { whenPortFree } from "@/test/when-port-free";
import { call } from "@/test/api";
import { addMember, createApiToken, createOrg, createProjectRow } from "@/test/factories";

let token: string;
let orgId: string;
let orgSlug: string;
let projectId: string;

beforeAll(async () => {
  const { org } = await createOrg();
  ({ id: orgId, slug: orgSlug } = org);
  projectId = (await createProjectRow(org.id, "payments")).id;
  ({ token } = await createApiToken(org.id, ["webhooks:write", "projects:read"]));
});

function listenDroppingConnections(port: number): Promise<Server> {
  const server = createServer((socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

const create = (body: Record<string, unknown>, as = token) =>
  call("POST", collection.POST, "/api/v1/webhooks", { token: as, body });

describe("a client written from CodeScoring's API list", () => {
  it("lists triggers, creates, lists, gets, replaces, patches and deletes a webhook", async () => {
    const catalog = await call("GET", triggers.GET, "/api/v1/webhooks/triggers", { token });
    expect(catalog.status).toBe(200);
    const names = catalog.body.data.map((type: { name: string }) => type.name);
    expect(names).toEqual(expect.arrayContaining(["test", "project_sca_analysis_finished", "request.added"]));

    const created = await create({
      name: "SCA results",
      url: "https://hooks.example.com/codescoring",
      projectIds: [projectId],
      triggers: ["project_sca_analysis_finished"],
      format: "codescoring",
      token: "cs-auth-token-value",
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect(id).toMatch(/^wh_/);
    // The CodeScoring preset: batched within 5 s, its own schedule; the token is write-only.
    expect(created.body).toMatchObject({
      deliveryMode: "batched",
      batchWindowMs: 5000,
      retryPolicy: { schedule: "codescoring" },
      tokenSet: true,
    });
    // CodeScoring delivers from the moment a webhook is saved, and retries a 410 like any failure.
    expect(created.body).toMatchObject({ status: "active", activationRequired: false, disableOnGone: false });

    const listed = await call("GET", collection.GET, "/api/v1/webhooks", { token });
    expect(listed.body.data.map((webhook: { id: string }) => webhook.id)).toContain(id);

    const fetched = await call("GET", item.GET, `/api/v1/webhooks/${id}`, { token, params: { id } });
    expect(fetched.body).toMatchObject({ id, name: "SCA results", projectIds: [projectId] });

    const replaced = await call("PUT", item.PUT, `/api/v1/webhooks/${id}`, {
      token,
      params: { id },
      body: { name: "All SCA", url: "https://hooks.example.com/codescoring", format: "codescoring" },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ name: "All SCA", projectIds: [], triggers: [], tokenSet: true });

    // A PUT without `format` keeps the webhook's format (and with it the preset's settings).
    const kept = await call("PUT", item.PUT, `/api/v1/webhooks/${id}`, {
      token,
      params: { id },
      body: { name: "All SCA", url: "https://hooks.example.com/codescoring" },
    });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({
      format: "codescoring",
      deliveryMode: "batched",
      retryPolicy: { schedule: "codescoring" },
      disableOnGone: false,
      tokenSet: true,
    });

    const patched = await call("PATCH", item.PATCH, `/api/v1/webhooks/${id}`, {
      token,
      params: { id },
      body: { triggers: ["project_sca_analysis_failed"] },
    });
    expect(patched.body).toMatchObject({ name: "All SCA", triggers: ["project_sca_analysis_failed"] });

    expect((await call("DELETE", item.DELETE, `/api/v1/webhooks/${id}`, { token, params: { id } })).status).toBe(204);
    expect((await call("GET", item.GET, `/api/v1/webhooks/${id}`, { token, params: { id } })).status).toBe(404);
    const audit = await db.auditLog.findMany({ where: { orgId, targetId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual([
      "webhook.created",
      "webhook.replaced",
      "webhook.replaced",
      "webhook.updated",
      "webhook.deleted",
    ]);
  });
});

describe("write-only secrets", () => {
  it("never returns or logs the secret, token or URL credentials, and stores them encrypted", async () => {
    const secret = "deepsource-secret-0123456789";
    const created = await create({
      name: "Sonar",
      url: "https://ci-user:p%40ss-word@sonar.example.com/hook",
      format: "deepsource",
      secret,
      token: "plain-token-value",
    });
    expect(created.status).toBe(201);
    const everything =
      JSON.stringify(created.body) +
      JSON.stringify((await call("GET", collection.GET, "/api/v1/webhooks", { token })).body);
    for (const leaked of [secret, "plain-token-value", "ci-user", "p%40ss-word", "p@ss-word"])
      expect(everything).not.toContain(leaked);
    expect(created.body).toMatchObject({
      url: "https://sonar.example.com/hook",
      secretSet: true,
      tokenSet: true,
      basicAuthSet: true,
    });

    const row = await db.webhook.findUniqueOrThrow({
      where: { id: created.body.id },
      omit: { secretEncrypted: false, basicAuthEncrypted: false, tokenEncrypted: false },
    });
    expect(row.secretEncrypted).toMatch(/^v1\./);
    const stored = JSON.stringify(row) + JSON.stringify(await db.auditLog.findMany({ where: { orgId } }));
    for (const leaked of [secret, "plain-token-value", "p@ss-word"]) expect(stored).not.toContain(leaked);

    const cleared = await call("PATCH", item.PATCH, "/", {
      token,
      params: { id: created.body.id },
      body: { token: null },
    });
    expect(cleared.body).toMatchObject({ tokenSet: false, secretSet: true });

    // A PUT echoes the URL it was shown, without credentials: Basic auth stays; a new URL drops it.
    const replace = (url: string) =>
      call("PUT", item.PUT, "/", {
        token,
        params: { id: created.body.id },
        body: { name: "Sonar", url, format: "deepsource" },
      });
    expect((await replace("https://sonar.example.com/hook")).body).toMatchObject({
      basicAuthSet: true,
      secretSet: true,
    });
    expect((await replace("https://sonar.example.com/other")).body).toMatchObject({ basicAuthSet: false });
  });
});

describe("validation", () => {
  const valid = { name: "ok", url: "https://example.com/hook" };
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["a non-http scheme", { ...valid, url: "ftp://example.com/x" }, "url"],
    ["a relative URL", { ...valid, url: "/hook" }, "url"],
    ["a short DeepSource secret", { ...valid, format: "deepsource", secret: "too-short" }, "secret"],
    ["an unknown trigger", { ...valid, triggers: ["no.such.trigger"] }, "triggers"],
    ["a reserved header", { ...valid, headers: { "Content-Type": "text/plain" } }, "headers.Content-Type"],
    ["an invalid header name", { ...valid, headers: { "Bad Header": "x" } }, "headers.Bad Header"],
    ["a header value with a line break", { ...valid, headers: { "X-Ok": "a\r\nInjected: 1" } }, "headers.X-Ok"],
    ["an oversized extra payload", { ...valid, extraPayload: { blob: "x".repeat(20_000) } }, "extraPayload"],
    ["a project-level webhook without a project", { ...valid, scope: "project" }, "projectId"],
    [
      "a custom schedule without delays",
      { ...valid, retryPolicy: { schedule: "custom" } },
      "retryPolicy.delaysSeconds",
    ],
    ["an unknown field", { ...valid, orgId: "org_other" }, ""],
    ["a project of another org", { ...valid, projectIds: ["prj_00000000000000000000000000000000"] }, "projectIds"],
    ["an owner who is not a member", { ...valid, ownerId: "mem_00000000000000000000000000000000" }, "ownerId"],
  ];

  it.each(cases)("refuses %s with 422 naming the field", async (_name, body, path) => {
    const response = await create(body);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("validation_failed");
    expect(response.body.error.details.map((issue: { path: string }) => issue.path)).toContain(path);
  });

  it("enforces 10 org-level webhooks per org", async () => {
    const { org } = await createOrg();
    const { token: own } = await createApiToken(org.id, ["webhooks:write"]);
    for (let index = 0; index < 10; index++)
      expect((await create({ ...valid, name: `w${index}` }, own)).status).toBe(201);
    const eleventh = await create({ ...valid, name: "w10" }, own);
    expect(eleventh.status).toBe(409);
    expect(eleventh.body.error.code).toBe("limit_reached");
  });
});

describe("status", () => {
  it("starts pending, pauses and resumes, and needs activation again after a URL change", async () => {
    const { body: webhook } = await create({ name: "status", url: "https://example.com/a" });
    const id: string = webhook.id;
    expect(webhook.status).toBe("pending");
    const patch = (body: Record<string, unknown>) => call("PATCH", item.PATCH, "/", { token, params: { id }, body });

    expect((await patch({ active: false })).body).toMatchObject({ status: "paused", active: false });
    // Only what the PATCH names changes; omitted settings are not reset to their defaults.
    expect((await patch({ format: "sonarqube", triggers: ["test"], headers: { "X-Team": "a" } })).status).toBe(200);
    expect((await patch({ name: "status renamed" })).body).toMatchObject({
      format: "sonarqube",
      triggers: ["test"],
      headers: { "X-Team": "a" },
      status: "paused",
    });
    // SonarQube webhooks do not activate by test event: resumed, it delivers at once.
    expect((await patch({ active: true })).body).toMatchObject({ status: "active", activationRequired: false });

    // With activation on, a new URL waits for a test event again; pausing and resuming keep an activated URL.
    expect((await patch({ activationRequired: true, url: "https://example.com/b" })).body.status).toBe("pending");
    await db.webhook.update({ where: { id }, data: { status: "active", activatedAt: new Date() } });
    expect((await patch({ active: false })).body.status).toBe("paused");
    expect((await patch({ active: true })).body.status).toBe("active");
    expect((await patch({ url: "https://example.com/c" })).body.status).toBe("pending");
  });

  it("answers a new webhook while Inngest is unreachable, its activation job left queued for the sweep", async () => {
    // Inngest's address (INNGEST_BASE_URL) drops every connection: its client retries for seconds before it gives up.
    const inngest = await whenPortFree(() => listenDroppingConnections(localInngestPort));
    onTestFinished(() => new Promise<void>((resolve) => inngest.close(() => resolve())));
    const created = await create({ name: "inngest down", url: "https://example.com/down" });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("pending");
    let gaveUp = false;
    const handOver = handOversSettled().then(() => {
      gaveUp = true;
    });
    // The answer came while the hand-over was still trying: the request did not wait on Inngest.
    await new Promise((resolve) => setImmediate(resolve));
    expect(gaveUp).toBe(false);
    await handOver;
    const job = await db.jobOutbox.findFirstOrThrow({
      where: { data: { path: ["webhookId"], equals: created.body.id } },
    });
    expect(job.sentAt).toBeNull();
  });

  it("switches scope with a PATCH naming only the new scope", async () => {
    const { body: webhook } = await create({ name: "scoped", url: "https://example.com/s", projectIds: [projectId] });
    const moved = await call("PATCH", item.PATCH, "/", {
      token,
      params: { id: webhook.id },
      body: { scope: "project", projectId },
    });
    expect(moved.body).toMatchObject({ scope: "project", projectId, projectIds: [] });
    const back = await call("PATCH", item.PATCH, "/", { token, params: { id: webhook.id }, body: { scope: "org" } });
    expect(back.body).toMatchObject({ scope: "org", projectId: null, projectIds: [] });
  });
});

describe("filters", () => {
  it("filters by project (including org-level webhooks for all projects), trigger and status", async () => {
    const { org } = await createOrg();
    const { token: own } = await createApiToken(org.id, ["webhooks:write"]);
    const alpha = await createProjectRow(org.id, "alpha");
    const beta = await createProjectRow(org.id, "beta");
    const names = async (query: Record<string, string>) =>
      (await call("GET", collection.GET, "/api/v1/webhooks", { token: own, query })).body.data
        .map((webhook: { name: string }) => webhook.name)
        .sort();
    await create({ name: "all", url: "https://example.com/1" }, own);
    await create(
      {
        name: "alpha-only",
        url: "https://example.com/2",
        scope: "project",
        projectId: alpha.id,
        triggers: ["request.added"],
      },
      own,
    );
    await create({ name: "beta-selected", url: "https://example.com/3", projectIds: [beta.id], active: false }, own);

    expect(await names({ projectId: alpha.id })).toEqual(["all", "alpha-only"]);
    expect(await names({ projectId: beta.id })).toEqual(["all", "beta-selected"]);
    expect(await names({ trigger: "request.updated" })).toEqual(["all", "beta-selected"]);
    expect(await names({ status: "paused" })).toEqual(["beta-selected"]);
  });
});

describe("isolation and permissions", () => {
  it("answers 404 to another org for every webhook route, and 403 without the write scope or as a viewer", async () => {
    const { body: webhook } = await create({ name: "private", url: "https://example.com/private" });
    const id: string = webhook.id;
    const { org: other } = await createOrg();
    const { token: outsider } = await createApiToken(other.id, ["webhooks:write"]);
    const routes = [
      ["GET", item.GET, undefined],
      ["PUT", item.PUT, { name: "x", url: "https://evil.example.com" }],
      ["PATCH", item.PATCH, { url: "https://evil.example.com" }],
      ["DELETE", item.DELETE, undefined],
    ] as const;
    for (const [method, handler, body] of routes) {
      expect((await call(method, handler, "/", { token: outsider, params: { id }, body })).status).toBe(404);
    }
    expect((await call("GET", collection.GET, "/api/v1/webhooks", { token: outsider })).body.data).toEqual([]);

    const { token: reader } = await createApiToken(orgId, ["webhooks:read"]);
    expect((await call("PATCH", item.PATCH, "/", { token: reader, params: { id }, body: { name: "x" } })).status).toBe(
      403,
    );
    expect((await create({ name: "x", url: "https://example.com" }, reader)).status).toBe(403);
    const { user: viewer } = await addMember(orgId, "viewer");
    expect(
      (await call("DELETE", item.DELETE, "/", { session: { userId: viewer.id, orgSlug }, params: { id } })).status,
    ).toBe(403);
    expect(await db.webhook.findUnique({ where: { id } })).toMatchObject({ url: "https://example.com/private" });
  });
});

describe("event types", () => {
  it("lets an org add its own trigger, then use it", async () => {
    const created = await call("POST", eventTypes.POST, "/api/v1/event-types", {
      token,
      body: {
        name: "deploy.finished",
        description: "A deploy finished",
        schema: { type: "object", properties: { version: { type: "string" } } },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "deploy.finished", source: "custom" });
    expect((await call("POST", eventTypes.POST, "/", { token, body: { name: "deploy.finished" } })).status).toBe(409);
    expect((await call("POST", eventTypes.POST, "/", { token, body: { name: "Bad Name" } })).status).toBe(422);
    expect(
      (await create({ name: "deploys", url: "https://example.com/d", triggers: ["deploy.finished"] })).status,
    ).toBe(201);
  });
});

describe("endpoints that send", () => {
  it("validate their input and scope to the org before sending anything", async () => {
    const { POST: testPost } = await import("@/app/api/v1/webhooks/test/route");
    const { POST: refresh } = await import("@/app/api/v1/webhooks/[id]/refresh_availability_status/route");
    const bad = await call("POST", testPost, "/", {
      token,
      body: { url: "ftp://x", format: "deepsource", secret: "short" },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((issue: { path: string }) => issue.path)).toEqual(
      expect.arrayContaining(["url", "secret"]),
    );

    const { body: webhook } = await create({ name: "refresh", url: "https://example.com/r" });
    const { org: other } = await createOrg();
    const { token: outsider } = await createApiToken(other.id, ["webhooks:write"]);
    expect((await call("POST", refresh, "/", { token: outsider, params: { id: webhook.id } })).status).toBe(404);
    expect(await db.delivery.count({ where: { webhookId: webhook.id } })).toBe(0);
  });
});
