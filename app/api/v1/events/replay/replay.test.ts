import { beforeAll, describe, expect, it } from "vitest";
import * as replayRoute from "@/app/api/v1/events/replay/route";
import type { DeliveryStatus } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import { createActiveWebhook, createApiToken, createDelivery, createOrg } from "@/test/factories";

// Nothing listens here: the runs the replay starts are not under test, only what it queues.
const nowhere = "http://127.0.0.1:9/hook";

let orgId: string;
let token: string;
const ids: Record<string, string> = {};

async function deliveryOf(org: string, webhookId: string, eventId: string, status: DeliveryStatus, isTest = false) {
  const delivery = await createDelivery({ orgId: org, webhookId, status, isTest }, [eventId]);
  return delivery.id;
}

async function event(org: string, type: string, payload: object) {
  return (await db.event.create({ data: { orgId: org, type, payload, dispatchedAt: new Date() } })).id;
}

beforeAll(async () => {
  orgId = (await createOrg()).org.id;
  ({ token } = await createApiToken(orgId, ["deliveries:write", "deliveries:read"]));
  const first = await createActiveWebhook(orgId, nowhere);
  const second = await createActiveWebhook(orgId, nowhere);
  const acme = await event(orgId, "order.paid", { customer: "Acme" });
  const globex = await event(orgId, "order.refunded", { customer: "Globex" });
  ids.acmeFailed = await deliveryOf(orgId, first.id, acme, "failed");
  ids.acmeSucceeded = await deliveryOf(orgId, second.id, acme, "succeeded");
  ids.globexFailed = await deliveryOf(orgId, first.id, globex, "failed");
  ids.testFailed = await deliveryOf(orgId, second.id, globex, "failed", true);
});

const count = (query: string, as = token) =>
  call("GET", replayRoute.GET, `/api/v1/events/replay${query}`, { token: as });
const replay = (body: unknown, as = token) =>
  call("POST", replayRoute.POST, "/api/v1/events/replay", { token: as, body });
const statusOf = async (id: string) => (await db.delivery.findUniqueOrThrow({ where: { id } })).status;

describe("bulk replay from the event log", () => {
  it("counts, then queues once more, the failed deliveries of the matching events only", async () => {
    expect((await count("?q=acme")).body).toEqual({ deliveries: 1 });
    expect((await count("")).body).toEqual({ deliveries: 2 });

    const replayed = await replay({ q: "acme" });
    expect(replayed.status).toBe(202);
    expect(replayed.body).toEqual({ requeued: 1 });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: ids.acmeFailed! } })).toMatchObject({
      status: "retrying",
      resendOnce: true,
    });
    expect(await statusOf(ids.globexFailed!)).toBe("failed");
    expect(await statusOf(ids.acmeSucceeded!)).toBe("succeeded");
    // Audited with the search, in the replay's transaction.
    expect(await db.auditLog.findMany({ where: { orgId, action: "delivery.replayed" } })).toEqual([
      expect.objectContaining({
        actorType: "token",
        targetType: "delivery",
        metadata: { deliveries: 1, search: { q: "acme" } },
      }),
    ]);

    // A second submit finds nothing failed left to queue; an empty search takes every event, test deliveries aside.
    expect((await replay({ q: "acme" })).body).toEqual({ requeued: 0 });
    expect((await replay({})).body).toEqual({ requeued: 1 });
    expect(await statusOf(ids.globexFailed!)).toBe("retrying");
    // A replay that queued nothing changed nothing, and is not in the audit log.
    expect(await db.auditLog.count({ where: { orgId, action: "delivery.replayed" } })).toBe(2);
    expect(await statusOf(ids.testFailed!)).toBe("failed");
  });

  it("refuses a search it cannot read with 422 naming the field", async () => {
    for (const [body, path] of [
      [{ status: "nope" }, "status"],
      [{ from: "yesterday" }, "from"],
      [{ from: "2026-11-30T00:00:00Z", to: "2026-11-29T00:00:00Z" }, "to"],
      [{ colour: "red" }, ""],
    ] as const) {
      const response = await replay(body);
      expect(response.status).toBe(422);
      expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    }
    expect((await count("?status=nope")).status).toBe(422);
  });

  it("touches no other org's deliveries and needs deliveries:write", async () => {
    const other = await createOrg();
    const { token: theirs } = await createApiToken(other.org.id, ["deliveries:write", "deliveries:read"]);
    const theirWebhook = await createActiveWebhook(other.org.id, nowhere);
    const theirFailed = await deliveryOf(
      other.org.id,
      theirWebhook.id,
      await event(other.org.id, "test", {}),
      "failed",
    );
    await db.delivery.update({ where: { id: ids.acmeFailed! }, data: { status: "failed" } });

    expect((await count("", theirs)).body).toEqual({ deliveries: 1 });
    expect((await replay({ deliveryId: ids.acmeFailed }, theirs)).body).toEqual({ requeued: 0 });
    expect(await statusOf(ids.acmeFailed!)).toBe("failed");
    expect((await replay({}, theirs)).body).toEqual({ requeued: 1 });
    expect(await statusOf(theirFailed)).toBe("retrying");

    const { token: readOnly } = await createApiToken(orgId, ["deliveries:read"]);
    expect((await replay({}, readOnly)).status).toBe(403);
    expect(await statusOf(ids.acmeFailed!)).toBe("failed");
  });
});
