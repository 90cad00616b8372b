import { beforeEach, describe, expect, it } from "vitest";
import * as rotateRoute from "@/app/api/v1/webhooks/[id]/rotate_secret/route";
import * as item from "@/app/api/v1/webhooks/[id]/route";
import * as collection from "@/app/api/v1/webhooks/route";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db";
import { call, type CallOptions } from "@/test/api";
import { addMember, createApiToken, createOrg } from "@/test/factories";

const firstSecret = `whsec_${Buffer.from("the-first-standard-signing-key").toString("base64")}`;
const dayMs = 24 * 60 * 60 * 1000;
let orgId: string;
let orgSlug: string;
let token: string;

// A fresh org per test: each creates a few webhooks, and an org holds at most 10.
beforeEach(async () => {
  const { org } = await createOrg();
  ({ id: orgId, slug: orgSlug } = org);
  ({ token } = await createApiToken(orgId, ["webhooks:write"]));
});

async function createWebhook(body: Record<string, unknown>) {
  const response = await call("POST", collection.POST, "/api/v1/webhooks", {
    token,
    // Paused: nothing here needs the activation event, which has no engine to go to.
    body: { name: "rotation", url: "https://hooks.example.com/in", active: false, ...body },
  });
  expect(response.status).toBe(201);
  return response.body;
}

const rotate = (id: string, options: CallOptions = { token }) =>
  call("POST", rotateRoute.POST, `/api/v1/webhooks/${id}/rotate_secret`, { params: { id }, ...options });

const storedSecrets = (id: string) =>
  db.webhook.findUniqueOrThrow({
    where: { id },
    select: { secretEncrypted: true, previousSecretEncrypted: true, previousSecretExpiresAt: true, updatedAt: true },
  });

/** Everything an API client can read about the org's webhooks and their history. */
async function everythingReadable(id: string) {
  const responses = await Promise.all([
    call("GET", item.GET, "/", { token, params: { id } }),
    call("GET", collection.GET, "/", { token }),
  ]);
  return JSON.stringify(responses.map((response) => response.body));
}

describe("rotating a secret", () => {
  it("answers the new secret once, keeps the old one for 24 hours, and stores only ciphertext", async () => {
    const webhook = await createWebhook({ format: "standard", secret: firstSecret });
    const before = Date.now();
    const rotated = await rotate(webhook.id);
    expect(rotated.status).toBe(200);
    const { secret } = rotated.body;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(rotated.body.webhook).toMatchObject({ id: webhook.id, secretSet: true });
    expect(JSON.stringify(rotated.body.webhook)).not.toContain(secret);
    const validUntil = new Date(rotated.body.webhook.previousSecretValidUntil).getTime();
    expect(validUntil).toBeGreaterThanOrEqual(before + dayMs);
    expect(validUntil).toBeLessThanOrEqual(Date.now() + dayMs);

    const readable = await everythingReadable(webhook.id);
    for (const value of [secret, firstSecret]) expect(readable).not.toContain(value);
    expect(readable).toContain(rotated.body.webhook.previousSecretValidUntil);

    const row = await storedSecrets(webhook.id);
    expect(row.secretEncrypted).toMatch(/^v1\./);
    expect(decryptSecret(row.secretEncrypted!)).toBe(secret);
    expect(decryptSecret(row.previousSecretEncrypted!)).toBe(firstSecret);
    const dump =
      JSON.stringify(await db.webhook.findMany({ omit: { secretEncrypted: false, previousSecretEncrypted: false } })) +
      JSON.stringify(await db.auditLog.findMany());
    for (const value of [secret, firstSecret]) expect(dump).not.toContain(value);

    const audit = await db.auditLog.findFirstOrThrow({
      where: { orgId, targetId: webhook.id, action: "webhook.secret_rotated" },
    });
    expect(audit.metadata).toMatchObject({
      secret: "generated (value hidden)",
      previousValidUntil: rotated.body.webhook.previousSecretValidUntil,
    });
  });

  it("drops the oldest secret when rotating again during an overlap", async () => {
    const webhook = await createWebhook({ format: "standard", secret: firstSecret });
    const second = (await rotate(webhook.id)).body.secret;
    const third = (await rotate(webhook.id)).body.secret;
    const row = await storedSecrets(webhook.id);
    expect([decryptSecret(row.secretEncrypted!), decryptSecret(row.previousSecretEncrypted!)]).toEqual([third, second]);
  });

  it("just sets a secret on a webhook without one: there is nothing to keep", async () => {
    const webhook = await createWebhook({ format: "standard", secret: null });
    expect(webhook.secretSet).toBe(false);
    const rotated = await rotate(webhook.id);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.webhook).toMatchObject({ secretSet: true, previousSecretValidUntil: null });
    expect(await storedSecrets(webhook.id)).toMatchObject({
      previousSecretEncrypted: null,
      previousSecretExpiresAt: null,
    });
  });

  it("replaces DeepSource and SonarQube secrets at once: their header holds one signature", async () => {
    for (const format of ["deepsource", "sonarqube"]) {
      const webhook = await createWebhook({ format, secret: "a-hex-signing-secret-of-old" });
      const rotated = await rotate(webhook.id);
      expect(rotated.status).toBe(200);
      // 32 URL-safe characters: the text itself is the HMAC key, and DeepSource wants 16 or more.
      expect(rotated.body.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(rotated.body.webhook).toMatchObject({ secretSet: true, previousSecretValidUntil: null });
      const row = await storedSecrets(webhook.id);
      expect(decryptSecret(row.secretEncrypted!)).toBe(rotated.body.secret);
      expect(row).toMatchObject({ previousSecretEncrypted: null, previousSecretExpiresAt: null });
    }
  });

  it("takes a secret from the body, checked against the format's rule", async () => {
    const webhook = await createWebhook({ format: "deepsource", secret: "deepsource-secret-one" });
    const before = await storedSecrets(webhook.id);
    const refusals: Array<[unknown, string]> = [
      [{ secret: "too-short" }, "secret"],
      [{ secret: "" }, "secret"],
      [{ secret: "deepsource-secret-two", previousSecretValidUntil: null }, ""],
    ];
    for (const [body, path] of refusals) {
      const refused = await rotate(webhook.id, { token, body });
      expect(refused.status).toBe(422);
      expect(refused.body.error.details.map((issue: { path: string }) => issue.path)).toContain(path);
    }
    const standard = await createWebhook({ format: "standard" });
    const undecodable = await rotate(standard.id, { token, body: { secret: "whsec_this is not base64 at all!" } });
    expect(undecodable.status).toBe(422);
    expect(undecodable.body.error.details).toEqual([{ path: "secret", message: expect.stringContaining("base64") }]);
    expect(await storedSecrets(webhook.id)).toEqual(before);

    const accepted = await rotate(webhook.id, { token, body: { secret: "deepsource-secret-two" } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.secret).toBe("deepsource-secret-two");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { orgId, targetId: webhook.id, action: "webhook.secret_rotated" },
    });
    expect(audit.metadata).toMatchObject({ secret: "given (value hidden)" });
  });

  it("ends the overlap when a PATCH sets the secret itself", async () => {
    const webhook = await createWebhook({ format: "standard", secret: firstSecret });
    await rotate(webhook.id);
    const replacement = `whsec_${Buffer.from("a-replacement-secret-for-this").toString("base64")}`;
    const patched = await call("PATCH", item.PATCH, "/", {
      token,
      params: { id: webhook.id },
      body: { secret: replacement },
    });
    expect(patched.body).toMatchObject({ secretSet: true, previousSecretValidUntil: null });
    expect(await storedSecrets(webhook.id)).toMatchObject({
      previousSecretEncrypted: null,
      previousSecretExpiresAt: null,
    });
  });
});

describe("a secret generated on create", () => {
  it("is answered once for a standard webhook created without one", async () => {
    const webhook = await createWebhook({ format: "standard" });
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(webhook.secretSet).toBe(true);
    expect(decryptSecret((await storedSecrets(webhook.id)).secretEncrypted!)).toBe(webhook.secret);
    expect(await everythingReadable(webhook.id)).not.toContain(webhook.secret);
    expect(JSON.stringify(await db.auditLog.findMany({ where: { targetId: webhook.id } }))).not.toContain(
      webhook.secret,
    );
  });

  it("is not made when the secret is given, set to null, or the format is not standard", async () => {
    for (const body of [
      { format: "standard", secret: firstSecret },
      { format: "standard", secret: null },
      { format: "deepsource" },
      { format: "sonarqube" },
    ]) {
      const webhook = await createWebhook(body);
      expect(webhook).not.toHaveProperty("secret");
      expect(webhook.secretSet).toBe(body.secret === firstSecret);
    }
  });
});

describe("isolation and permissions", () => {
  it("answers 404 to another org and 403 without webhooks:write, changing nothing", async () => {
    const webhook = await createWebhook({ format: "standard", secret: firstSecret });
    const before = await storedSecrets(webhook.id);
    const { org: other, owner: otherOwner } = await createOrg();
    const { token: outsider } = await createApiToken(other.id, ["webhooks:write"]);
    const { token: reader } = await createApiToken(orgId, ["webhooks:read"]);
    const { user: viewer } = await addMember(orgId, "viewer");

    expect((await rotate(webhook.id, { token: outsider })).status).toBe(404);
    expect((await rotate(webhook.id, { session: { userId: otherOwner.id, orgSlug: other.slug } })).status).toBe(404);
    expect((await rotate(webhook.id, { token: reader })).status).toBe(403);
    expect((await rotate(webhook.id, { session: { userId: viewer.id, orgSlug } })).status).toBe(403);
    expect(await storedSecrets(webhook.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { targetId: webhook.id, action: "webhook.secret_rotated" } })).toBe(0);

    const { user: member } = await addMember(orgId, "member");
    expect((await rotate(webhook.id, { session: { userId: member.id, orgSlug } })).status).toBe(200);
  });
});
