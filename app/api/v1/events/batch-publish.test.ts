import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/events/route";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import { createActiveWebhook, createApiToken, createOrg } from "@/test/factories";
import { linksOnWebhooks } from "@/test/links";

let token: string;
let orgId: string;

beforeAll(async () => {
  orgId = (await createOrg()).org.id;
  ({ token } = await createApiToken(orgId, ["events:write"]));
});

const publish = (body: unknown, headers: Record<string, string> = {}) =>
  call("POST", collection.POST, "/api/v1/events", { token, body, headers });
const numbered = (count: number, extra: (n: number) => object = () => ({})) =>
  Array.from({ length: count }, (_, n) => ({
    type: "project_sca_analysis_finished",
    payload: { n, padding: "x".repeat(300) },
    ...extra(n),
  }));

describe("batch publish", () => {
  it("stores 1,000 events, over the single-event body cap, answering their ids in request order", async () => {
    const response = await publish(numbered(1000));
    expect(response.status).toBe(202);
    expect(response.body.data).toHaveLength(1000);
    const ids = response.body.data.map((item: { id: string; replayed: boolean }) => {
      expect(item.replayed).toBe(false);
      return item.id;
    });
    const stored = await db.event.findMany({ where: { id: { in: ids } }, select: { id: true, payload: true } });
    expect(stored).toHaveLength(1000);
    const nById = new Map(stored.map((row) => [row.id, (row.payload as { n: number }).n]));
    ids.forEach((id: string, n: number) => expect(nById.get(id)).toBe(n));
  });

  it("hands the batch over as it commits: every event dispatched and fanned out to the org's webhook", async () => {
    const { org } = await createOrg();
    const { token: other } = await createApiToken(org.id, ["events:write"]);
    const webhook = await createActiveWebhook(org.id, "https://receiver.example.com/hook");
    const response = await call("POST", collection.POST, "/api/v1/events", { token: other, body: numbered(3) });
    expect(response.status).toBe(202);
    const ids = response.body.data.map((item: { id: string }) => item.id);
    expect(await db.event.count({ where: { id: { in: ids }, dispatchedAt: { not: null } } })).toBe(3);
    const links = await linksOnWebhooks([webhook.id]);
    expect(links.map((link) => link.eventId).sort()).toEqual([...ids].sort());
  });

  it("refuses the whole batch when any item is bad, naming each bad item by its index, and stores nothing", async () => {
    const before = await db.event.count({ where: { orgId } });
    const items: unknown[] = numbered(10);
    items[3] = { type: "no.such.trigger", payload: {} };
    items[7] = { type: "test", payload: "not an object" };
    const response = await publish(items);
    expect(response.status).toBe(422);
    const paths = response.body.error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(["3.type", "7.payload"]);
    expect(response.body.error.message).toContain("2 of 10");
    expect(await db.event.count({ where: { orgId } })).toBe(before);
  });

  it("names the payload field of a bad item against its trigger's schema", async () => {
    await db.eventType.create({
      data: { orgId, name: "order.paid", schema: { type: "object", properties: { x: { type: "number" } } } },
    });
    const { forgetCatalog } = await import("@/lib/event-types/trigger-cache");
    forgetCatalog(orgId);
    const response = await publish([
      { type: "order.paid", payload: { x: 1 } },
      { type: "order.paid", payload: { x: 2 } },
      { type: "test" },
      { type: "order.paid", payload: { x: "three" } },
    ]);
    expect(response.status).toBe(422);
    expect(response.body.error.details).toEqual([{ path: "3.payload.x", message: "Expected number." }]);
  });

  it("replays items whose idempotency key was seen, each with its first id, and stores the new ones", async () => {
    const first = await publish(numbered(3, (n) => ({ idempotencyKey: `batch-key-${n}` })));
    expect(first.status).toBe(202);
    const second = await publish(numbered(4, (n) => ({ idempotencyKey: `batch-key-${n}` })));
    expect(second.status).toBe(202);
    expect(second.body.data.slice(0, 3)).toEqual(
      first.body.data.map((item: { id: string }) => ({ id: item.id, replayed: true })),
    );
    expect(second.body.data[3]).toMatchObject({ replayed: false });
    expect(await db.event.count({ where: { orgId, idempotencyKey: { startsWith: "batch-key-" } } })).toBe(4);
  });

  it("answers a key repeated inside one batch with the first item's id", async () => {
    const response = await publish([
      { type: "test", idempotencyKey: "twice" },
      { type: "test" },
      { type: "test", idempotencyKey: "twice" },
    ]);
    expect(response.status).toBe(202);
    const [a, , c] = response.body.data;
    expect(c).toEqual({ id: a.id, replayed: true });
    expect(await db.event.count({ where: { orgId, idempotencyKey: "twice" } })).toBe(1);
  });

  it("refuses an empty batch, one over 1,000 events, and the Idempotency-Key header on a batch", async () => {
    expect((await publish([])).status).toBe(422);
    expect((await publish(Array.from({ length: 1001 }, () => ({ type: "test" })))).status).toBe(422);
    expect((await publish([{ type: "test" }], { "Idempotency-Key": "k" })).status).toBe(422);
  });

  it("refuses a batch body over 5 MB with 413", async () => {
    const response = await publish([{ type: "test", payload: { blob: "x".repeat(5 * 1024 * 1024) } }]);
    expect(response.status).toBe(413);
  });
});
