import "@/test/engine-env";
import { createHmac } from "node:crypto";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as rotateRoute from "@/app/api/v1/webhooks/[id]/rotate_secret/route";
import * as webhookRoute from "@/app/api/v1/webhooks/[id]/route";
import { toSigningTarget } from "@/lib/engine/signing-target";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createActiveWebhook, createApiToken, createOrg, createProjectRow } from "@/test/factories";
import { startReceiver, type Receiver } from "@/test/receiver";

// Rotation as receivers see it: real deliveries through the engine, verified the way each seed says.
const oldStandardSecret = `whsec_${Buffer.from("the-standard-secret-before-rotation").toString("base64")}`;
const oldHexSecret = "the-hex-secret-before-rotation";
const dayMs = 24 * 60 * 60 * 1000;

let engine: DeliveryEngine;
let token: string;
let projectKey: string;
const receivers = {} as Record<"standard" | "deepsource" | "sonarqube", Receiver>;
const webhookIds = {} as Record<"standard" | "deepsource" | "sonarqube", string>;
const newSecrets = {} as Record<"standard" | "deepsource" | "sonarqube", string>;

beforeAll(async () => {
  engine = await startDeliveryEngine();
  const { org } = await createOrg();
  ({ token } = await createApiToken(org.id, ["events:write", "webhooks:write"]));
  projectKey = (await createProjectRow(org.id, "rotation")).key;
  for (const format of ["standard", "deepsource", "sonarqube"] as const) {
    receivers[format] = await startReceiver(engine.now);
    const secret = format === "standard" ? oldStandardSecret : oldHexSecret;
    webhookIds[format] = (await createActiveWebhook(org.id, receivers[format].url, { format, secret })).id;
  }
});

afterAll(async () => {
  await engine?.stop();
  await Promise.all(Object.values(receivers).map((receiver) => receiver.close()));
});

async function rotate(format: keyof typeof webhookIds) {
  const id = webhookIds[format];
  const response = await call("POST", rotateRoute.POST, `/api/v1/webhooks/${id}/rotate_secret`, {
    token,
    params: { id },
  });
  expect(response.status).toBe(200);
  return response.body as { webhook: { previousSecretValidUntil: string | null }; secret: string };
}

/** Publishes one event and returns the request each receiver got for it. */
async function deliverOne() {
  const before = Object.fromEntries(
    Object.entries(receivers).map(([format, receiver]) => [format, receiver.requests.length]),
  );
  const published = await call("POST", eventsRoute.POST, "/api/v1/events", {
    token,
    body: { type: "test", project: projectKey, payload: { n: 1 } },
  });
  expect(published.status).toBe(202);
  await engine.advance(0);
  for (const [format, receiver] of Object.entries(receivers))
    expect(receiver.requests).toHaveLength(before[format]! + 1);
  return {
    standard: receivers.standard.requests.at(-1)!,
    deepsource: receivers.deepsource.requests.at(-1)!,
    sonarqube: receivers.sonarqube.requests.at(-1)!,
  };
}

const verifies = (secret: string, request: { body: string; headers: Record<string, unknown> }) => {
  try {
    new StandardWebhook(secret).verify(request.body, request.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
};

// What DeepSource's and SonarQube's documents tell a receiver to compute.
const hexHmac = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("hex");

describe("during the 24-hour overlap", () => {
  it("signs Standard Webhooks with both secrets, so the official package verifies with either", async () => {
    const before = Date.now();
    const rotated = await rotate("standard");
    const validUntil = new Date(rotated.webhook.previousSecretValidUntil!).getTime();
    expect(validUntil).toBeGreaterThanOrEqual(before + dayMs);
    expect(validUntil).toBeLessThanOrEqual(Date.now() + dayMs);
    newSecrets.standard = rotated.secret;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(oldStandardSecret);

    const { standard } = await deliverOne();
    const signatures = String(standard.headers["webhook-signature"]).split(" ");
    expect(signatures).toHaveLength(2);
    expect(signatures.every((signature) => signature.startsWith("v1,"))).toBe(true);
    expect(verifies(rotated.secret, standard)).toBe(true);
    expect(verifies(oldStandardSecret, standard)).toBe(true);
    expect(verifies(`whsec_${Buffer.from("a-secret-nobody-was-given").toString("base64")}`, standard)).toBe(false);
  });

  it("signs DeepSource and SonarQube with the new secret only: their header holds one signature", async () => {
    for (const format of ["deepsource", "sonarqube"] as const) {
      const rotated = await rotate(format);
      expect(rotated.webhook.previousSecretValidUntil).toBeNull();
      newSecrets[format] = rotated.secret;
    }
    expect(newSecrets.deepsource.length).toBeGreaterThanOrEqual(16);

    const { deepsource, sonarqube } = await deliverOne();
    expect(deepsource.headers["x-deepsource-signature"]).toBe(hexHmac(newSecrets.deepsource, deepsource.body));
    expect(sonarqube.headers["x-sonar-webhook-hmac-sha256"]).toBe(hexHmac(newSecrets.sonarqube, sonarqube.body));
    expect(deepsource.headers["x-deepsource-signature"]).not.toBe(hexHmac(oldHexSecret, deepsource.body));
  });
});

describe("after the overlap", () => {
  it("signs with the previous secret until its expiry, and not from that instant on", async () => {
    const row = await db.webhook.findUniqueOrThrow({
      where: { id: webhookIds.standard },
      omit: {
        secretEncrypted: false,
        previousSecretEncrypted: false,
        tokenEncrypted: false,
        basicAuthEncrypted: false,
        secretHeadersEncrypted: false,
        followUpCredentialsEncrypted: false,
      },
    });
    const expiresAt = row.previousSecretExpiresAt!;
    expect(toSigningTarget(row, new Date(expiresAt.getTime() - 1)).secrets).toEqual([
      newSecrets.standard,
      oldStandardSecret,
    ]);
    expect(toSigningTarget(row, expiresAt).secrets).toEqual([newSecrets.standard]);
  });

  it("signs with the new secret only, which verifies while the old one no longer does", async () => {
    // The app reads the real clock: move the rotation a day into the past instead.
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhookIds.standard } });
    await db.webhook.update({
      where: { id: webhookIds.standard },
      data: { previousSecretExpiresAt: new Date(row.previousSecretExpiresAt!.getTime() - dayMs) },
    });
    const shown = await call("GET", webhookRoute.GET, `/api/v1/webhooks/${webhookIds.standard}`, {
      token,
      params: { id: webhookIds.standard },
    });
    expect(shown.body.previousSecretValidUntil).toBeNull();

    const { standard } = await deliverOne();
    expect(String(standard.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(verifies(newSecrets.standard, standard)).toBe(true);
    expect(verifies(oldStandardSecret, standard)).toBe(false);
  });
});
