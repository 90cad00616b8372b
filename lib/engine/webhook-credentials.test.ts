import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as item from "@/app/api/v1/webhooks/[id]/route";
import * as collection from "@/app/api/v1/webhooks/route";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish";
import { call } from "@/test/api";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { addMember, createApiToken, createOrg } from "@/test/factories";

// Issue 11, items 5 and 7: follow-up URL credentials and credential-like headers are write-only,
// encrypted at rest, masked in attempts, and each target gets only its own credentials.
let engine: DeliveryEngine;
let token: string;
let readOnly: string;
let viewer: { userId: string; orgSlug: string };
let orgId: string;

beforeAll(async () => {
  engine = await startDeliveryEngine();
  const { org } = await createOrg();
  orgId = org.id;
  ({ token } = await createApiToken(orgId, ["webhooks:write"]));
  ({ token: readOnly } = await createApiToken(orgId, ["webhooks:read"]));
  const { user } = await addMember(orgId, "viewer");
  viewer = { userId: user.id, orgSlug: org.slug };
});

afterAll(async () => {
  await engine?.stop();
});

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString("base64")}`;

async function everythingAViewerSees(id: string): Promise<string> {
  const asToken = await call("GET", item.GET, `/api/v1/webhooks/${id}`, { token: readOnly, params: { id } });
  const asViewer = await call("GET", item.GET, `/api/v1/webhooks/${id}`, { session: viewer, params: { id } });
  const list = await call("GET", collection.GET, "/api/v1/webhooks", { session: viewer });
  expect([asToken.status, asViewer.status, list.status]).toEqual([200, 200, 200]);
  return JSON.stringify([asToken.body, asViewer.body, list.body]);
}

describe("follow-up URL credentials (item 5)", () => {
  it("are stored encrypted, never shown, kept on a save without them, and sent only to their own URL", async () => {
    const main = await engine.receiver(() => ({ status: 200, body: "ok" }));
    const followUp = await engine.receiver(() => ({ status: 200, body: "ok" }));
    const followUpUrl = new URL(followUp.url);
    followUpUrl.username = "fu-user";
    followUpUrl.password = "fu-pass-secret";
    const created = await call("POST", collection.POST, "/api/v1/webhooks", {
      token,
      body: {
        name: "Rule",
        url: main.url,
        format: "scorecard",
        token: "main-bearer-secret",
        followUpUrls: [followUpUrl.toString()],
        headers: { "X-Api-Key": "main-api-key-secret", "X-Team": "blue" },
      },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect(created.body).toMatchObject({
      followUpUrls: [followUp.url],
      followUpBasicAuthSet: [true],
      headers: { "X-Team": "blue" },
      secretHeaderNames: ["X-Api-Key"],
    });

    const stored = await db.webhook.findUniqueOrThrow({
      where: { id },
      omit: { followUpCredentialsEncrypted: false, secretHeadersEncrypted: false },
    });
    expect(JSON.stringify(stored)).not.toMatch(/fu-pass-secret|main-api-key-secret/);
    expect(await everythingAViewerSees(id)).not.toMatch(/fu-pass-secret|fu-user|main-api-key-secret/);

    // The edit form sends back what it was shown: the URL without credentials keeps them.
    const saved = await call("PUT", item.PUT, `/api/v1/webhooks/${id}`, {
      token,
      params: { id },
      body: {
        name: "Rule",
        url: main.url,
        format: "scorecard",
        followUpUrls: [followUp.url],
        headers: { "X-Team": "blue" },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      followUpBasicAuthSet: [true],
      secretHeaderNames: ["X-Api-Key"],
      tokenSet: true,
    });

    await db.webhook.update({ where: { id }, data: { status: "active", activatedAt: new Date() } });
    await publishEvent(orgId, { type: "scorecard.score_changed", payload: { scorecard_id: "sc-1" }, properties: {} });
    await engine.advance(0);

    const [toMain] = main.requests;
    const [toFollowUp] = followUp.requests;
    expect(toMain?.headers).toMatchObject({
      authorization: "Bearer main-bearer-secret",
      "x-api-key": "main-api-key-secret",
      "x-team": "blue",
    });
    expect(toFollowUp?.headers.authorization).toBe(basic("fu-user:fu-pass-secret"));
    expect(toFollowUp?.headers["x-api-key"]).toBeUndefined();
    expect(JSON.stringify(toFollowUp)).not.toContain("main-bearer-secret");

    const attempts = await db.attempt.findMany({ where: { orgId }, orderBy: { followUp: "asc" } });
    expect(attempts).toHaveLength(2);
    expect(JSON.stringify(attempts)).not.toMatch(/fu-pass-secret|main-api-key-secret|main-bearer-secret/);
    expect(attempts[1]?.requestUrl).toBe(followUp.url);
  });
});

describe("secret extra headers (item 7)", () => {
  it("mask credential-like names by default, let any header be marked secret, and can be removed", async () => {
    const created = await call("POST", collection.POST, "/api/v1/webhooks", {
      token,
      body: {
        name: "Headers",
        url: "https://hooks.example.com/h",
        headers: { "X-Auth-Token": "t-secret", "X-Session-Cookie": "c-secret", "X-Team": "blue" },
        secretHeaders: { "X-Tenant": "tenant-secret" },
      },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect(created.body.headers).toEqual({ "X-Team": "blue" });
    expect([...created.body.secretHeaderNames].sort()).toEqual(["X-Auth-Token", "X-Session-Cookie", "X-Tenant"]);
    expect(await everythingAViewerSees(id)).not.toMatch(/t-secret|c-secret|tenant-secret/);

    const removed = await call("PATCH", item.PATCH, `/api/v1/webhooks/${id}`, {
      token,
      params: { id },
      body: { secretHeaders: { "X-Tenant": null } },
    });
    expect(removed.status).toBe(200);
    expect([...removed.body.secretHeaderNames].sort()).toEqual(["X-Auth-Token", "X-Session-Cookie"]);
  });

  it("hides credential-like headers saved before they were secret", async () => {
    const created = await call("POST", collection.POST, "/api/v1/webhooks", {
      token,
      body: { name: "Legacy", url: "https://hooks.example.com/l" },
    });
    await db.webhook.update({
      where: { id: created.body.id },
      data: { headers: { "X-Api-Key": "legacy-key-secret", "X-Team": "red" } },
    });
    expect(await everythingAViewerSees(created.body.id)).not.toContain("legacy-key-secret");
  });
});
