import { beforeAll, describe, expect, it } from "vitest";
import * as deliveries from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import { createApiToken, createDelivery, createOrg } from "@/test/factories";

const start = new Date("2026-11-20T10:00:00Z");
const minute = 60_000;

let orgId: string;
let token: string;
let webhookId: string;
/** The webhook's deliveries, newest first as the list orders them (createdAt, then id, descending). */
let expectedOrder: string[];

async function createWebhookRow(orgId: string) {
  return db.webhook.create({
    data: { orgId, name: "Receiver", url: "https://receiver.example.com/hook", status: "active" },
  });
}

const list = (id: string, query: Record<string, string> = {}) =>
  call("GET", deliveries.GET, `/api/v1/webhooks/${id}/deliveries`, { token, params: { id }, query });

beforeAll(async () => {
  ({ id: orgId } = (await createOrg()).org);
  ({ token } = await createApiToken(orgId, ["deliveries:read"]));
  webhookId = (await createWebhookRow(orgId)).id;
  // Seven deliveries, two pairs sharing a createdAt, so that pages must break ties by id; each
  // with attempts numbered 1…n, the last of them with its own status and duration.
  const times = [0, 1, 1, 2, 3, 3, 4].map((minutes) => new Date(start.getTime() + minutes * minute));
  const created = [];
  for (const [index, createdAt] of times.entries()) {
    // Deliveries 0, 2, 4 and 6 carry a "scan.finished" event and 4 and 6 an "issue.found" one too.
    const types = [
      ...(index % 2 === 0 ? ["scan.finished"] : []),
      ...(index >= 4 && index % 2 === 0 ? ["issue.found"] : []),
    ];
    const events = await Promise.all(types.map((type) => db.event.create({ data: { orgId, type, payload: {} } })));
    const delivery = await createDelivery(
      { orgId, webhookId, status: index % 2 ? "failed" : "succeeded", createdAt, attemptCount: index + 1 },
      events.map((event) => event.id),
    );
    await db.attempt.createMany({
      data: Array.from({ length: index + 1 }, (_, attempt) => ({
        orgId,
        deliveryId: delivery.id,
        number: attempt + 1,
        requestUrl: "https://receiver.example.com/hook",
        requestHeaders: {},
        requestBody: "{}",
        responseStatus: attempt === index ? 200 + index : 500,
        durationMs: attempt === index ? 1000 + index : 5,
        success: attempt === index,
        createdAt,
      })),
    });
    created.push(delivery);
  }
  expectedOrder = created
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((delivery) => delivery.id);
  const other = await createWebhookRow(orgId);
  await db.delivery.create({ data: { orgId, webhookId: other.id, status: "succeeded", createdAt: start } });
});

describe("GET /api/v1/webhooks/{id}/deliveries", () => {
  it("lists the webhook's deliveries newest first, each with its latest attempt", async () => {
    const response = await list(webhookId);
    expect(response.status).toBe(200);
    expect(response.body.data.map((delivery: { id: string }) => delivery.id)).toEqual(expectedOrder);
    expect(response.body.nextCursor).toBeNull();
    for (const delivery of response.body.data) {
      const index = delivery.attemptCount - 1;
      const eventTypes = [
        ...(index % 2 === 0 ? ["scan.finished"] : []),
        ...(index >= 4 && index % 2 === 0 ? ["issue.found"] : []),
      ].sort();
      expect(delivery).toMatchObject({
        webhookId,
        lastResponseStatus: 200 + index,
        lastDurationMs: 1000 + index,
        lastErrorClass: null,
        eventTypes,
        eventCount: eventTypes.length,
      });
    }
  });

  it("pages through every delivery exactly once with the cursor, ties on createdAt included", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await list(webhookId, { limit: "2", ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      seen.push(...response.body.data.map((delivery: { id: string }) => delivery.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expectedOrder);
  });

  it("pages through one status with the cursor", async () => {
    const failed = new Set(
      (await db.delivery.findMany({ where: { webhookId, status: "failed" }, select: { id: true } })).map(
        (row) => row.id,
      ),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await list(webhookId, { status: "failed", limit: "1", ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      seen.push(...response.body.data.map((delivery: { id: string }) => delivery.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expectedOrder.filter((id) => failed.has(id)));
    expect(seen).toHaveLength(3);
  });

  it("filters by event type", async () => {
    const response = await list(webhookId, { eventType: "issue.found" });
    expect(response.status).toBe(200);
    expect(response.body.data.map((delivery: { attemptCount: number }) => delivery.attemptCount).sort()).toEqual([
      5, 7,
    ]);
  });

  it("refuses a cursor it did not hand out (a bare delivery id) with 422", async () => {
    const other = await db.delivery.findFirstOrThrow({ where: { orgId, webhookId: { not: webhookId } } });
    const response = await list(webhookId, { cursor: other.id });
    expect(response.status).toBe(422);
    expect(response.body.error.details).toEqual([{ path: "cursor", message: expect.any(String) }]);
  });
});
