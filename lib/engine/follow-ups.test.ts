import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhooksRoute from "@/app/api/v1/webhooks/route";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish";
import { call } from "@/test/api";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createApiToken, createOrg } from "@/test/factories";

let engine: DeliveryEngine;
let token: string;
let orgId: string;

beforeAll(async () => {
  engine = await startDeliveryEngine();
  const { org } = await createOrg();
  orgId = org.id;
  ({ token } = await createApiToken(orgId, ["webhooks:write"]));
});

afterAll(async () => {
  await engine?.stop();
});

async function receiver(reply: { status: number; body: string }) {
  const started = await engine.receiver(() => reply);
  return started;
}

async function scorecardRule(url: string, followUpUrls: string[]) {
  const created = await call("POST", webhooksRoute.POST, "/api/v1/webhooks", {
    token,
    body: { name: "Rule with three requests", url, format: "scorecard", followUpUrls },
  });
  expect(created.status).toBe(201);
  await db.webhook.update({ where: { id: created.body.id }, data: { status: "active", activatedAt: new Date() } });
  return created.body.id as string;
}

describe("SecurityScorecard rules with several web requests", () => {
  it("calls the follow-up targets in order, each carrying the URL and response of the earlier requests", async () => {
    const first = await receiver({ status: 200, body: '{"ticket":"T-1"}' });
    const second = await receiver({ status: 201, body: "noted" });
    const third = await receiver({ status: 200, body: "ok" });
    const webhookId = await scorecardRule(first.url, [second.url, third.url]);
    await publishEvent(orgId, {
      type: "scorecard.score_changed",
      payload: { scorecard_id: "sc-9", domain: "example.com" },
      properties: {},
    });
    await engine.advance(0);

    const bodies = [first, second, third].map((target) => JSON.parse(target.requests[0]!.body));
    expect(bodies.map((body) => body.execution_id)).toEqual([
      bodies[0].execution_id,
      bodies[0].execution_id,
      bodies[0].execution_id,
    ]);
    expect(bodies[0].webhooks).toEqual([]);
    expect(bodies[1].webhooks).toEqual([{ url: first.url, status: 200, response: { ticket: "T-1" } }]);
    expect(bodies[2].webhooks).toEqual([
      { url: first.url, status: 200, response: { ticket: "T-1" } },
      { url: second.url, status: 201, response: "noted" },
    ]);
    const delivery = await db.delivery.findFirstOrThrow({
      where: { webhookId },
      include: { attempts: { orderBy: { number: "asc" } } },
    });
    expect(delivery.status).toBe("succeeded");
    expect(delivery.attempts.map((attempt) => [attempt.followUp, attempt.requestUrl])).toEqual([
      [0, first.url],
      [1, second.url],
      [2, third.url],
    ]);
  });

  it("retries the rule when a follow-up fails, and the retry counts one retry, not one per request", async () => {
    const first = await receiver({ status: 200, body: "ok" });
    const failing = await receiver({ status: 500, body: "down" });
    await scorecardRule(first.url, [failing.url]);
    await publishEvent(orgId, { type: "scorecard.score_changed", payload: { scorecard_id: "sc-10" }, properties: {} });
    await engine.advance(0);
    expect(failing.requests).toHaveLength(1);
    await engine.advance(5 * 60_000);
    expect(first.requests).toHaveLength(2);
    expect(JSON.parse(first.requests[1]!.body).retries).toBe(1);
    expect(failing.requests).toHaveLength(2);
  });

  it("refuses follow-ups on other formats and follow-up addresses the hub may not reach", async () => {
    const wrongFormat = await call("POST", webhooksRoute.POST, "/api/v1/webhooks", {
      token,
      body: { name: "x", url: "http://127.0.0.1:9/a", followUpUrls: ["http://127.0.0.1:9/b"] },
    });
    expect(wrongFormat.status).toBe(422);
    expect(wrongFormat.body.error.details[0].path).toBe("followUpUrls");
    const blocked = await call("POST", webhooksRoute.POST, "/api/v1/webhooks", {
      token,
      body: { name: "x", url: "http://127.0.0.1:9/a", format: "scorecard", followUpUrls: ["http://10.0.0.8/b"] },
    });
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.details[0].path).toBe("followUpUrls.0");
  });
});
