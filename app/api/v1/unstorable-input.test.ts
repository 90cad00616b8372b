import { beforeAll, describe, expect, it } from "vitest";
import * as eventTypes from "@/app/api/v1/event-types/route";
import * as events from "@/app/api/v1/events/route";
import * as organization from "@/app/api/v1/organization/route";
import * as webhook from "@/app/api/v1/webhooks/[id]/route";
import * as webhooks from "@/app/api/v1/webhooks/route";
import type { Actor } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { updateWebhook } from "@/lib/webhooks/webhooks";
import { call } from "@/test/api";
import { createApiToken, createOrg } from "@/test/factories";

// Issue 11, items 4 and 8: text Postgres cannot store, and an empty owner id, are 422s; no change escapes the audit log.
let token: string;
let orgId: string;
let owner: { userId: string; orgSlug: string };
let webhookId: string;

beforeAll(async () => {
  const created = await createOrg();
  orgId = created.org.id;
  owner = { userId: created.owner.id, orgSlug: created.org.slug };
  ({ token } = await createApiToken(orgId, ["webhooks:write", "events:write"]));
  const response = await call("POST", webhooks.POST, "/api/v1/webhooks", {
    token,
    body: { name: "original", url: "https://hooks.example.com/a" },
  });
  expect(response.status).toBe(201);
  webhookId = response.body.id;
});

const loneSurrogate = "renamed-\ud800";
const nul = "renamed-\u0000";

async function storedWebhook() {
  return db.webhook.findUniqueOrThrow({ where: { id: webhookId }, select: { name: true, url: true } });
}

describe("text Postgres cannot store", () => {
  it.each([
    ["PATCH", loneSurrogate],
    ["PUT", loneSurrogate],
    ["PATCH", nul],
  ] as const)("%s of a webhook with %j is a 422 naming the field, and changes nothing", async (method, name) => {
    const auditBefore = await db.auditLog.count({ where: { orgId, targetId: webhookId } });
    const handler = method === "PUT" ? webhook.PUT : webhook.PATCH;
    const response = await call(method, handler, `/api/v1/webhooks/${webhookId}`, {
      token,
      params: { id: webhookId },
      body: { name, url: "https://hooks.example.com/changed" },
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: "validation_failed",
      details: [{ path: "name", message: expect.any(String) }],
    });
    expect(await storedWebhook()).toEqual({ name: "original", url: "https://hooks.example.com/a" });
    expect(await db.auditLog.count({ where: { orgId, targetId: webhookId } })).toBe(auditBefore);
  });

  it("refuses them in the organization, event payloads, properties, property names and trigger schemas", async () => {
    const org = await call("PATCH", organization.PATCH, "/api/v1/organization", {
      session: owner,
      body: { name: loneSurrogate },
    });
    expect(org.status).toBe(422);
    const payload = await call("POST", events.POST, "/api/v1/events", {
      token,
      body: { type: "test", payload: { deep: [{ text: loneSurrogate }] } },
    });
    expect(payload.status).toBe(422);
    expect(payload.body.error.details).toEqual([
      { path: "payload.deep.0.text", message: expect.stringContaining("surrogate") },
    ]);
    const properties = await call("POST", events.POST, "/api/v1/events", {
      token,
      body: { type: "test", properties: { [`key\udc00`]: "x" } },
    });
    expect(properties.status).toBe(422);
    const nulPayload = await call("POST", events.POST, "/api/v1/events", {
      token,
      body: { type: "test", payload: { text: nul } },
    });
    expect(nulPayload.status).toBe(422);
    const schema = await call("POST", eventTypes.POST, "/api/v1/event-types", {
      token,
      body: { name: "custom.bad", schema: { type: "object", description: loneSurrogate } },
    });
    expect(schema.status).toBe(422);
    expect(await db.event.count({ where: { orgId } })).toBe(0);
  });

  it("keeps paired surrogates (emoji) as they are", async () => {
    const response = await call("PATCH", webhook.PATCH, `/api/v1/webhooks/${webhookId}`, {
      token,
      params: { id: webhookId },
      body: { name: "rocket 🚀" },
    });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe("rocket 🚀");
    await call("PATCH", webhook.PATCH, `/api/v1/webhooks/${webhookId}`, {
      token,
      params: { id: webhookId },
      body: { name: "original" },
    });
  });
});

describe("a change and its audit entry", () => {
  it("commit together: when the audit entry cannot be written, the change is rolled back", async () => {
    const actor: Actor = { type: "system", label: "test" };
    // Past the schema layer, the audit entry's metadata (jsonb) refuses the name; the update must not survive it.
    await expect(
      updateWebhook(
        orgId,
        actor,
        webhookId,
        { name: loneSurrogate, url: "https://hooks.example.com/changed" },
        "merge",
      ),
    ).rejects.toThrow();
    expect(await storedWebhook()).toEqual({ name: "original", url: "https://hooks.example.com/a" });
  });
});

describe("ownerId", () => {
  it.each(["POST", "PUT", "PATCH"] as const)(
    "an empty ownerId on %s is a 422, not a foreign-key 500",
    async (method) => {
      const body = { name: "owned", url: "https://hooks.example.com/a", ownerId: "" };
      const response =
        method === "POST"
          ? await call("POST", webhooks.POST, "/api/v1/webhooks", { token, body })
          : await call(method, method === "PUT" ? webhook.PUT : webhook.PATCH, `/api/v1/webhooks/${webhookId}`, {
              token,
              params: { id: webhookId },
              body,
            });
      expect(response.status).toBe(422);
      expect(response.body.error.details).toEqual([{ path: "ownerId", message: expect.any(String) }]);
    },
  );
});

describe("form input (server actions) that is stored as text", () => {
  it("refuses NUL and lone surrogates in names at the schema", async () => {
    const { signUpInput } = await import("@/lib/auth/sign-up");
    const { createOrgInput } = await import("@/lib/orgs/schemas");
    const signUp = (name: string) =>
      signUpInput.safeParse({ name, email: "a@example.com", password: "long-enough-1", orgName: "Acme" }).success;
    expect([signUp("Ada"), signUp("Ada\u0000"), signUp("Ada\ud800")]).toEqual([true, false, false]);
    expect([
      createOrgInput.safeParse({ name: "Acme" }).success,
      createOrgInput.safeParse({ name: "Acme\u0000" }).success,
      createOrgInput.safeParse({ name: "Acme\udc00" }).success,
    ]).toEqual([true, false, false]);
  });
});
