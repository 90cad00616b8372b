import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { orgOverview } from "@/lib/orgs/overview";
import { addMember, createApiToken, createOrg, createProjectRow } from "@/test/factories";

const dayMs = 24 * 60 * 60 * 1000;

describe("orgOverview", () => {
  it("counts only the org's own rows, live tokens and recently sent emails", async () => {
    const { org } = await createOrg();
    const { org: other } = await createOrg();
    await createProjectRow(org.id);
    await createProjectRow(org.id);
    await createProjectRow(other.id);
    await addMember(org.id, "viewer");
    await createApiToken(org.id, ["projects:read"]);
    await createApiToken(org.id, ["projects:read"], { revokedAt: new Date() });
    await createApiToken(org.id, ["projects:read"], { expiresAt: new Date(Date.now() - 1000) });
    await createApiToken(other.id, ["projects:read"]);
    const email = { kind: "invitation", to: "a@example.com", subject: "Hi", text: "Hi" };
    await db.email.createMany({
      data: [
        { ...email, orgId: org.id, status: "sent", sentAt: new Date() },
        { ...email, orgId: org.id, status: "sent", sentAt: new Date(Date.now() - 31 * dayMs) },
        { ...email, orgId: org.id, status: "failed" },
        { ...email, orgId: other.id, status: "sent", sentAt: new Date() },
      ],
    });

    const otherWebhook = await db.webhook.create({
      data: { orgId: other.id, name: "Theirs", url: "https://theirs.example.com/hook", status: "active" },
    });
    await db.event.create({ data: { orgId: other.id, type: "test", payload: {} } });
    await db.delivery.create({ data: { orgId: other.id, webhookId: otherWebhook.id, status: "succeeded" } });

    expect(await orgOverview(org.id)).toEqual({
      projects: 2,
      members: 2,
      webhooks: 0,
      activeTokens: 1,
      emailsSentLast30Days: 1,
      hasEvent: false,
      hasDelivery: false,
    });
  });

  it("says when the org has a webhook, an event and a delivered (not test) delivery", async () => {
    const { org } = await createOrg();
    const webhook = await db.webhook.create({
      data: { orgId: org.id, name: "Ours", url: "https://ours.example.com/hook", status: "active" },
    });
    await db.delivery.create({ data: { orgId: org.id, webhookId: webhook.id, status: "succeeded", isTest: true } });
    expect(await orgOverview(org.id)).toMatchObject({ webhooks: 1, hasEvent: false, hasDelivery: false });

    await db.event.create({ data: { orgId: org.id, type: "test", payload: {} } });
    await db.delivery.create({ data: { orgId: org.id, webhookId: webhook.id, status: "retrying" } });
    expect(await orgOverview(org.id)).toMatchObject({ webhooks: 1, hasEvent: true, hasDelivery: false });

    await db.delivery.create({ data: { orgId: org.id, webhookId: webhook.id, status: "succeeded" } });
    expect(await orgOverview(org.id)).toMatchObject({ webhooks: 1, hasEvent: true, hasDelivery: true });
  });
});
