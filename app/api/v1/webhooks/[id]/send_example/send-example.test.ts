import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sendExampleRoute from "@/app/api/v1/webhooks/[id]/send_example/route";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import { createActiveWebhook, createApiToken, createOrg } from "@/test/factories";
import { startReceiver, type Receiver } from "@/test/receiver";
import { eventsCarriedBy } from "@/test/links";

const secret = `whsec_${Buffer.from("send-example-secret-32-bytes-long").toString("base64")}`;
let receiver: Receiver;
let orgId: string;
let token: string;

beforeAll(async () => {
  receiver = await startReceiver();
  orgId = (await createOrg()).org.id;
  ({ token } = await createApiToken(orgId, ["webhooks:write"]));
  await db.eventType.createMany({
    data: [
      { orgId, name: "order.paid", examplePayload: { orderId: "ord_1", amount: 4200 } },
      { orgId, name: "order.refunded" },
    ],
  });
});

afterAll(async () => {
  await receiver?.close();
});

const sendExample = (webhookId: string, eventType: unknown, as = token) =>
  call("POST", sendExampleRoute.POST, `/api/v1/webhooks/${webhookId}/send_example`, {
    token: as,
    params: { id: webhookId },
    body: { eventType },
  });

describe("POST /api/v1/webhooks/{id}/send_example", () => {
  it("sends the trigger's example payload in the webhook's format, signed, as a test delivery that changes nothing else", async () => {
    receiver.answer(() => ({ status: 200, body: "thanks" }));
    const webhook = await createActiveWebhook(orgId, receiver.url, { secret });
    const before = receiver.requests.length;

    const response = await sendExample(webhook.id, "order.paid");

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      eventType: "order.paid",
      result: { success: true, status: 200, responseExcerpt: "thanks" },
    });
    const [request] = receiver.requests.slice(before);
    const verified = new StandardWebhook(secret).verify(request!.body, request!.headers as Record<string, string>);
    expect(verified).toMatchObject({ type: "order.paid", data: { orderId: "ord_1", amount: 4200 } });
    const delivery = await db.delivery.findUniqueOrThrow({
      where: { id: response.body.deliveryId },
      include: { attempts: true },
    });
    const events = await eventsCarriedBy(delivery.id);
    expect(delivery).toMatchObject({ webhookId: webhook.id, isTest: true, status: "succeeded", attemptCount: 1 });
    expect(delivery.attempts.map((attempt) => attempt.trigger)).toEqual(["test"]);
    expect(events.map((event) => event.type)).toEqual(["order.paid"]);
    // Stored handed over: the outbox never fans it out to the org's other webhooks.
    expect(events[0]!.dispatchedAt).not.toBeNull();
  });

  it("sends {} for a trigger without an example, and a failure leaves the webhook's status alone", async () => {
    receiver.answer(() => ({ status: 500 }));
    const webhook = await createActiveWebhook(orgId, receiver.url, { secret });
    const before = receiver.requests.length;

    const response = await sendExample(webhook.id, "order.refunded");

    expect(response.status).toBe(200);
    expect(response.body.result).toMatchObject({ success: false, status: 500 });
    expect(JSON.parse(receiver.requests[before]!.body)).toMatchObject({ type: "order.refunded", data: {} });
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({
      status: "active",
      statusReason: null,
    });
  });

  it("refuses a trigger outside the catalog or outside the webhook's triggers, naming the field", async () => {
    const webhook = await createActiveWebhook(orgId, receiver.url, { triggers: ["order.paid"] });
    const before = receiver.requests.length;

    for (const eventType of ["no.such.trigger", "order.refunded", "", 42]) {
      const response = await sendExample(webhook.id, eventType);
      expect(response.status).toBe(422);
      expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(["eventType"]);
    }
    expect(receiver.requests.length).toBe(before);
  });

  it("answers 404 for another org's webhook and sends nothing", async () => {
    const other = await createOrg();
    const theirs = await createActiveWebhook(other.org.id, receiver.url);
    const before = receiver.requests.length;

    const response = await sendExample(theirs.id, "order.paid");

    expect(response.status).toBe(404);
    expect(receiver.requests.length).toBe(before);
  });
});
