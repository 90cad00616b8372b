import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as deliveryItem from "@/app/api/v1/deliveries/[id]/route";
import * as retry from "@/app/api/v1/deliveries/[id]/retry/route";
import * as replaySelected from "@/app/api/v1/deliveries/replay/route";
import * as eventItem from "@/app/api/v1/events/[id]/route";
import * as events from "@/app/api/v1/events/route";
import * as history from "@/app/api/v1/webhooks/[id]/deliveries/route";
import * as recover from "@/app/api/v1/webhooks/[id]/recover/route";
import * as refresh from "@/app/api/v1/webhooks/[id]/refresh_availability_status/route";
import * as stats from "@/app/api/v1/webhooks/[id]/stats/route";
import { db } from "@/lib/db";
import { call, type Caller } from "@/test/api";
import { createActiveWebhook, createApiToken, createDelivery, createOrg } from "@/test/factories";
import { startReceiver, type Receiver } from "@/test/receiver";

// Org A's delivery data; every call comes from org B and must neither read nor send anything.
const a = {} as { webhookId: string; eventId: string; deliveryId: string };
const b = {} as { token: string; session: Caller["session"] };
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  const { org } = await createOrg("Org A");
  const webhook = await createActiveWebhook(org.id, receiver.url);
  const event = await db.event.create({
    data: { orgId: org.id, type: "test", payload: { secret: "a-only" }, dispatchedAt: new Date() },
  });
  const delivery = await createDelivery({ orgId: org.id, webhookId: webhook.id, status: "failed" }, [event.id]);
  Object.assign(a, { webhookId: webhook.id, eventId: event.id, deliveryId: delivery.id });

  const { org: orgB, owner } = await createOrg("Org B");
  b.token = (await createApiToken(orgB.id, ["events:write", "deliveries:write", "webhooks:write"])).token;
  b.session = { userId: owner.id, orgSlug: orgB.slug };
});

afterAll(() => receiver?.close());

describe("org B never reaches org A's events and deliveries", () => {
  const routes = () =>
    [
      ["GET", eventItem.GET, `/api/v1/events/${a.eventId}`, a.eventId, undefined],
      ["GET", history.GET, `/api/v1/webhooks/${a.webhookId}/deliveries`, a.webhookId, undefined],
      ["GET", stats.GET, `/api/v1/webhooks/${a.webhookId}/stats`, a.webhookId, undefined],
      ["GET", deliveryItem.GET, `/api/v1/deliveries/${a.deliveryId}`, a.deliveryId, undefined],
      ["POST", retry.POST, `/api/v1/deliveries/${a.deliveryId}/retry`, a.deliveryId, undefined],
      ["POST", recover.POST, `/api/v1/webhooks/${a.webhookId}/recover`, a.webhookId, { since: "2000-01-01T00:00:00Z" }],
      ["POST", refresh.POST, `/api/v1/webhooks/${a.webhookId}/refresh_availability_status`, a.webhookId, undefined],
    ] as const;

  for (const [label, caller] of [
    ["API token", () => ({ token: b.token })],
    ["owner session", () => ({ session: b.session })],
  ] as const) {
    it(`answers 404 to every org A id, as B's ${label}, and sends nothing`, async () => {
      for (const [method, handler, path, id, body] of routes()) {
        const response = await call(method, handler, path, { ...caller(), params: { id }, body });
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
      expect(receiver.requests).toHaveLength(0);
      expect(await db.attempt.count({ where: { deliveryId: a.deliveryId } })).toBe(0);
    });
  }

  it("cannot replay org A's delivery: its id reads as one that does not exist, and nothing is queued", async () => {
    const missing = `dlv_${"0".repeat(32)}`;
    const refused = await call("POST", replaySelected.POST, "/api/v1/deliveries/replay", {
      token: b.token,
      body: { deliveryIds: [a.deliveryId, missing] },
    });
    expect(refused.status).toBe(422);
    const [theirs, nowhere] = refused.body.error.details as { message: string }[];
    expect(theirs!.message.replace(a.deliveryId, "X")).toBe(nowhere!.message.replace(missing, "X"));
    expect(await db.delivery.findUniqueOrThrow({ where: { id: a.deliveryId } })).toMatchObject({
      status: "failed",
      resendOnce: false,
    });
  });

  it("lists none of org A's events", async () => {
    const listed = await call("GET", events.GET, "/api/v1/events", { token: b.token });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(a.eventId);
    expect(JSON.stringify(listed.body)).not.toContain("a-only");
  });

  it("cannot publish into org A by naming it in the body", async () => {
    const response = await call("POST", events.POST, "/api/v1/events", {
      token: b.token,
      body: { type: "test", orgId: "whatever" },
    });
    expect(response.status).toBe(422);
  });
});
