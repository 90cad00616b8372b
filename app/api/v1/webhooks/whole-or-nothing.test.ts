import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as recoverRoute from "@/app/api/v1/webhooks/[id]/recover/route";
import * as collection from "@/app/api/v1/webhooks/route";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import { createActiveWebhook, createApiToken, createDelivery, createOrg } from "@/test/factories";
import { failWrites, restoreWrites } from "@/test/fail-writes";

let token: string;
let orgId: string;

beforeAll(async () => {
  const { org } = await createOrg();
  orgId = org.id;
  ({ token } = await createApiToken(org.id, ["webhooks:write", "deliveries:write"]));
});

afterEach(() => restoreWrites());

const ourSide = {
  status: 500,
  body: { error: { code: "internal_error", message: "Something went wrong on our side.", details: null } },
};

describe("creating a webhook is whole or nothing", () => {
  // A webhook that needs activation: saving it also queues its test event.
  const body = {
    name: "Saved once",
    url: "https://hooks.example.com/whole-or-nothing",
    format: "deepsource",
    secret: "a-secret-of-16-chars",
  };

  it("leaves no webhook and no job when its audit entry cannot be written, and a retry then creates exactly one", async () => {
    const audit = await failWrites("AuditLog", "INSERT", orgId);
    expect(await call("POST", collection.POST, "/api/v1/webhooks", { token, body })).toEqual(ourSide);
    expect(await db.webhook.count({ where: { orgId } })).toBe(0);
    expect(await db.jobOutbox.count()).toBe(0);

    await audit.restore();
    const created = await call("POST", collection.POST, "/api/v1/webhooks", { token, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Saved once", status: "pending" });
    const webhooks = await db.webhook.findMany({ where: { orgId }, select: { id: true } });
    expect(webhooks.map((webhook) => webhook.id)).toEqual([created.body.id]);
    expect(await db.jobOutbox.count({ where: { data: { path: ["webhookId"], equals: created.body.id } } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId, action: "webhook.created", targetId: created.body.id } })).toBe(1);
  });
});

describe("recovering failed deliveries is whole or nothing", () => {
  it("queues nothing when its audit entry cannot be written, and records who recovered what when it can", async () => {
    const webhook = await createActiveWebhook(orgId, "https://hooks.example.com/recover");
    const event = await db.event.create({ data: { orgId, type: "test", payload: {}, dispatchedAt: new Date() } });
    const failed = await createDelivery({ orgId, webhookId: webhook.id, status: "failed" }, [event.id]);
    const recover = () =>
      call("POST", recoverRoute.POST, `/api/v1/webhooks/${webhook.id}/recover`, {
        token,
        params: { id: webhook.id },
        body: { since: new Date(Date.now() - 3_600_000).toISOString() },
      });

    const audit = await failWrites("AuditLog", "INSERT", orgId);
    expect(await recover()).toEqual(ourSide);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "failed" });
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).drainingSince).toBeNull();

    await audit.restore();
    expect(await recover()).toEqual({ status: 202, body: { requeued: 1 } });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "retrying" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { orgId, action: "delivery.replayed" } });
    expect(entry).toMatchObject({ actorType: "token", targetType: "webhook", targetId: webhook.id });
    expect(entry.metadata).toMatchObject({ name: webhook.name, deliveries: 1 });
  });
});
