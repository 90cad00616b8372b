import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/events/route";
import * as item from "@/app/api/v1/events/[id]/route";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import {
  createActiveWebhook,
  createApiToken,
  createDelivery,
  createOrg,
  createProjectRow,
  recordAttempts,
} from "@/test/factories";
import { deliveryIdsCarrying } from "@/test/links";

const dayMs = 86_400_000;

interface Org {
  id: string;
  token: string;
}

let a: Org;
let b: Org;
let projectId: string;
let scanWebhookId: string;
/** Org A's events: an order two days old, a project scan, a note with LIKE's wildcards in it. */
let order: string;
let scan: string;
let note: string;
/** One delivery to the scan-only webhook, failed; a delivery carrying two events; org B's delivery. */
let failedDelivery: string;
let batchDelivery: string;
let foreignDelivery: string;
let foreignEvent: string;

async function orgWithToken(): Promise<Org> {
  const { org } = await createOrg();
  return { id: org.id, token: (await createApiToken(org.id, ["events:write", "events:read"])).token };
}

async function publish(org: Org, body: object): Promise<string> {
  const response = await call("POST", collection.POST, "/api/v1/events", { token: org.token, body });
  expect(response.status).toBe(202);
  return response.body.id as string;
}

const list = (query: Record<string, string>, org = a) =>
  call("GET", collection.GET, "/api/v1/events", { token: org.token, query });

async function listedIds(query: Record<string, string>, org = a): Promise<string[]> {
  const response = await list(query, org);
  expect(response.status).toBe(200);
  return response.body.data.map((event: { id: string }) => event.id);
}

beforeAll(async () => {
  a = await orgWithToken();
  b = await orgWithToken();
  const project = await createProjectRow(a.id, "shop");
  projectId = project.id;
  // Every event goes to the first webhook; only scans to the second.
  await createActiveWebhook(a.id, "https://receiver.example.com/all", { name: "Everything" });
  scanWebhookId = (
    await createActiveWebhook(a.id, "https://receiver.example.com/scans", {
      name: "Scans only",
      triggers: ["project_sca_analysis_finished"],
    })
  ).id;

  order = await publish(a, { type: "test", payload: { order: { id: "ORD-1001" }, customer: "Ada Lovelace" } });
  scan = await publish(a, {
    type: "project_sca_analysis_finished",
    project: project.key,
    payload: { score: 7, summary: "Weekly Scan" },
  });
  note = await publish(a, { type: "test", payload: { summary: "100%_done" } });
  await db.event.update({ where: { id: order }, data: { createdAt: new Date(Date.now() - 2 * dayMs) } });

  const toScans = await db.delivery.findFirstOrThrow({
    where: { orgId: a.id, webhookId: scanWebhookId, id: { in: await deliveryIdsCarrying([scan]) } },
  });
  failedDelivery = toScans.id;
  await db.delivery.update({ where: { id: failedDelivery }, data: { status: "failed", attemptCount: 1 } });
  await recordAttempts(a.id, failedDelivery, [{ at: new Date(), success: false, errorClass: "connection_refused" }]);

  // A batch: one delivery carrying two events.
  const batch = await createDelivery(
    {
      orgId: a.id,
      webhookId: scanWebhookId,
      status: "succeeded",
    },
    [order, note],
  );
  batchDelivery = batch.id;

  // Org B publishes the same order number to its own webhook.
  await createActiveWebhook(b.id, "https://receiver.example.com/b");
  foreignEvent = await publish(b, { type: "test", payload: { order: { id: "ORD-1001" } } });
  foreignDelivery = (await db.delivery.findFirstOrThrow({ where: { orgId: b.id } })).id;
});

describe("GET /api/v1/events: the event log", () => {
  it("lists the org's events newest first, each with its deliveries counted per state", async () => {
    const response = await list({});
    expect(response.status).toBe(200);
    expect(response.body.data.map((event: { id: string }) => event.id)).toEqual([note, scan, order]);
    const counts = Object.fromEntries(
      response.body.data.map((event: { id: string; deliveryCounts: object }) => [event.id, event.deliveryCounts]),
    );
    const none = { held: 0, pending: 0, sending: 0, succeeded: 0, retrying: 0, failed: 0 };
    expect(counts[scan]).toEqual({ ...none, pending: 1, failed: 1 });
    expect(counts[order]).toEqual({ ...none, pending: 1, succeeded: 1 });
    expect(counts[note]).toEqual({ ...none, pending: 1, succeeded: 1 });
  });

  it("narrows by event id, type and project", async () => {
    expect(await listedIds({ id: scan })).toEqual([scan]);
    expect(await listedIds({ type: "test" })).toEqual([note, order]);
    expect(await listedIds({ type: "project_sca_analysis_finished" })).toEqual([scan]);
    expect(await listedIds({ projectId })).toEqual([scan]);
    expect(await listedIds({ type: "test", projectId })).toEqual([]);
  });

  it("narrows by a delivery's state: events with at least one delivery in it", async () => {
    expect(await listedIds({ status: "failed" })).toEqual([scan]);
    expect(await listedIds({ status: "succeeded" })).toEqual([note, order]);
    expect(await listedIds({ status: "pending" })).toEqual([note, scan, order]);
    expect(await listedIds({ status: "held" })).toEqual([]);
  });

  it("narrows by when the event was published: from inclusive, to exclusive", async () => {
    const oneDayAgo = new Date(Date.now() - dayMs).toISOString();
    expect(await listedIds({ from: oneDayAgo })).toEqual([note, scan]);
    expect(await listedIds({ to: oneDayAgo })).toEqual([order]);
    const orderAt = (await db.event.findUniqueOrThrow({ where: { id: order } })).createdAt;
    expect(await listedIds({ from: orderAt.toISOString(), to: oneDayAgo })).toEqual([order]);
    expect(await listedIds({ to: orderAt.toISOString() })).toEqual([]);
    // Offsets other than Z name the same moment.
    expect(await listedIds({ to: oneDayAgo.replace("Z", "+00:00") })).toEqual([order]);
  });

  it("finds text anywhere in the payload, ignoring case, and only in this org's events", async () => {
    expect(await listedIds({ q: "ord-1001" })).toEqual([order]);
    expect(await listedIds({ q: "ada LOVELACE" })).toEqual([order]);
    expect(await listedIds({ q: "weekly scan" })).toEqual([scan]);
    // Keys are text too.
    expect(await listedIds({ q: "customer" })).toEqual([order]);
    // LIKE's wildcards are plain characters: only the payload that holds them matches.
    expect(await listedIds({ q: "%_" })).toEqual([note]);
    expect(await listedIds({ q: '\'; drop table "Event"; --' })).toEqual([]);
    expect(await listedIds({ q: "ORD-1001" }, b)).toEqual([foreignEvent]);
    expect(await listedIds({ q: "nothing like it" })).toEqual([]);
  });

  it("finds the events a delivery carries, and nothing for another org's delivery", async () => {
    expect(await listedIds({ deliveryId: failedDelivery })).toEqual([scan]);
    expect(await listedIds({ deliveryId: batchDelivery })).toEqual([note, order]);
    expect(await listedIds({ deliveryId: batchDelivery, q: "ORD" })).toEqual([order]);
    expect(await listedIds({ deliveryId: foreignDelivery })).toEqual([]);
    expect(await listedIds({ deliveryId: "dlv_nosuchdelivery" })).toEqual([]);
    // Org B cannot reach org A's events through their ids either.
    expect(await listedIds({ deliveryId: failedDelivery }, b)).toEqual([]);
    expect(await listedIds({ id: scan }, b)).toEqual([]);
    expect(await listedIds({}, b)).toEqual([foreignEvent]);
  });

  it("pages through a filtered list with its cursor", async () => {
    const first = await list({ type: "test", limit: "1" });
    expect(first.body.data.map((event: { id: string }) => event.id)).toEqual([note]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list({ type: "test", limit: "1", cursor: first.body.nextCursor });
    expect(second.body.data.map((event: { id: string }) => event.id)).toEqual([order]);
    expect(second.body.nextCursor).toBeNull();
    // A cursor is this org's only.
    expect((await list({ cursor: first.body.nextCursor }, b)).status).toBe(422);
  });

  it("refuses bad input with 422 naming the parameter, never a 5xx", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ status: "lost" }, "status"],
      [{ from: "yesterday" }, "from"],
      [{ to: "2026-13-40T00:00:00Z" }, "to"],
      [{ from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z" }, "to"],
      [{ from: "2026-11-01T00:00:00Z", to: "2026-11-01T00:00:00Z" }, "to"],
      [{ q: "   " }, "q"],
      [{ q: "x".repeat(201) }, "q"],
      [{ deliveryId: "d".repeat(65) }, "deliveryId"],
      [{ limit: "0" }, "limit"],
      [{ payload: "ORD" }, ""],
    ];
    for (const [query, path] of cases) {
      const response = await list(query);
      expect(response.status, JSON.stringify(query)).toBe(422);
      expect(response.body.error.code).toBe("validation_failed");
      if (path) expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    }
  });
});

describe("GET /api/v1/events/{id}: where an event went", () => {
  it("names each delivery's webhook, state, attempts and latest result", async () => {
    const response = await call("GET", item.GET, `/api/v1/events/${scan}`, { token: a.token, params: { id: scan } });
    expect(response.status).toBe(200);
    expect(response.body.payload).toEqual({ score: 7, summary: "Weekly Scan" });
    const byWebhook = Object.fromEntries(
      response.body.deliveries.map((delivery: { webhookName: string }) => [delivery.webhookName, delivery]),
    );
    expect(Object.keys(byWebhook).sort()).toEqual(["Everything", "Scans only"]);
    expect(byWebhook["Scans only"]).toMatchObject({
      id: failedDelivery,
      webhookId: scanWebhookId,
      status: "failed",
      attemptCount: 1,
      lastResponseStatus: null,
      lastErrorClass: "connection_refused",
    });
    expect(byWebhook["Everything"]).toMatchObject({ status: "pending", attemptCount: 0, lastErrorClass: null });

    const foreign = await call("GET", item.GET, `/api/v1/events/${scan}`, { token: b.token, params: { id: scan } });
    expect(foreign.status).toBe(404);
  });
});
