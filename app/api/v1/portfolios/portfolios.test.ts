import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as item from "@/app/api/v1/portfolios/[id]/route";
import * as collection from "@/app/api/v1/portfolios/route";
import * as projectItem from "@/app/api/v1/projects/[id]/route";
import * as webhookItem from "@/app/api/v1/webhooks/[id]/route";
import * as webhooks from "@/app/api/v1/webhooks/route";
import { publishEvent } from "@/lib/events/publish";
import { call } from "@/test/api";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { createApiToken, createOrg, createProjectRow } from "@/test/factories";

let engine: DeliveryEngine;

beforeAll(async () => {
  engine = await startDeliveryEngine();
});

afterAll(async () => {
  await engine?.stop();
});

describe("portfolios (SecurityScorecard's Selected Portfolio)", () => {
  it("scopes a webhook to a saved selection of projects, and the webhook follows projects added to it", async () => {
    const { org } = await createOrg();
    const { token } = await createApiToken(org.id, ["projects:write", "webhooks:write", "events:write"]);
    const [web, api, mobile] = await Promise.all(["web", "api", "mobile"].map((key) => createProjectRow(org.id, key)));
    const receiver = await engine.receiver(() => ({ status: 200 }));

    const created = await call("POST", collection.POST, "/api/v1/portfolios", {
      token,
      body: { name: "Vendors", projectIds: [web!.id, api!.id] },
    });
    expect(created).toMatchObject({ status: 201, body: { name: "Vendors", projectIds: [web!.id, api!.id] } });
    const portfolioId: string = created.body.id;
    expect(portfolioId).toMatch(/^pfl_/);

    const webhook = await call("POST", webhooks.POST, "/api/v1/webhooks", {
      token,
      body: { name: "Rule", url: receiver.url, format: "scorecard", portfolioId },
    });
    expect(webhook).toMatchObject({
      status: 201,
      body: { scope: "org", portfolioId, projectIds: [web!.id, api!.id], status: "active" },
    });

    const publish = (project: string) =>
      publishEvent(org.id, {
        type: "scorecard.score_changed",
        project,
        payload: { domain: `${project}.example.com` },
        properties: {},
      });
    await publish("web");
    await publish("mobile");
    await engine.advance(0);
    expect(receiver.requests.map((request) => JSON.parse(request.body).domain)).toEqual(["web.example.com"]);

    const grown = await call("PATCH", item.PATCH, `/api/v1/portfolios/${portfolioId}`, {
      token,
      params: { id: portfolioId },
      body: { projectIds: [web!.id, api!.id, mobile!.id] },
    });
    expect(grown.body.projectIds).toHaveLength(3);
    expect((await call("GET", webhookItem.GET, "/", { token, params: { id: webhook.body.id } })).body).toMatchObject({
      portfolioId,
      projectIds: expect.arrayContaining([mobile!.id]),
    });
    await publish("mobile");
    await engine.advance(0);
    expect(receiver.requests.map((request) => JSON.parse(request.body).domain)).toEqual([
      "web.example.com",
      "mobile.example.com",
    ]);

    // A portfolio in use cannot be deleted; choosing projects instead releases it.
    expect((await call("DELETE", item.DELETE, "/", { token, params: { id: portfolioId } })).status).toBe(409);
    const rescoped = await call("PATCH", webhookItem.PATCH, "/", {
      token,
      params: { id: webhook.body.id },
      body: { projectIds: [api!.id] },
    });
    expect(rescoped.body).toMatchObject({ portfolioId: null, projectIds: [api!.id] });
    expect((await call("DELETE", item.DELETE, "/", { token, params: { id: portfolioId } })).status).toBe(204);
  });

  it("sends nothing through a webhook whose portfolio lost its last project: an empty portfolio is no project, not all of them", async () => {
    const { org } = await createOrg();
    const { token } = await createApiToken(org.id, ["projects:write", "webhooks:write", "events:write"]);
    const [only, other] = await Promise.all(["only", "other"].map((key) => createProjectRow(org.id, key)));
    const receiver = await engine.receiver(() => ({ status: 200 }));
    const portfolioId: string = (
      await call("POST", collection.POST, "/api/v1/portfolios", {
        token,
        body: { name: "One", projectIds: [only!.id] },
      })
    ).body.id;
    await call("POST", webhooks.POST, "/api/v1/webhooks", {
      token,
      body: { name: "Rule", url: receiver.url, format: "scorecard", portfolioId },
    });

    expect((await call("DELETE", projectItem.DELETE, "/", { token, params: { id: only!.id } })).status).toBe(204);
    await publishEvent(org.id, {
      type: "scorecard.score_changed",
      project: other!.key,
      payload: { domain: "other.example.com" },
      properties: {},
    });
    await publishEvent(org.id, {
      type: "scorecard.score_changed",
      payload: { domain: "org-wide.example.com" },
      properties: {},
    });
    await engine.advance(0);
    expect(receiver.requests).toEqual([]);
  });

  it("refuses projects and portfolios of another organization, and keeps its portfolios out of reach", async () => {
    const { org } = await createOrg();
    const { org: other } = await createOrg();
    const { token } = await createApiToken(org.id, ["projects:write", "webhooks:write"]);
    const { token: otherToken } = await createApiToken(other.id, ["projects:write", "webhooks:write"]);
    const foreign = await createProjectRow(other.id, "theirs");
    expect(
      (await call("POST", collection.POST, "/", { token, body: { name: "X", projectIds: [foreign.id] } })).status,
    ).toBe(422);
    const own = await createProjectRow(org.id, "ours");
    const portfolio = await call("POST", collection.POST, "/", { token, body: { name: "Mine", projectIds: [own.id] } });
    expect((await call("GET", item.GET, "/", { token: otherToken, params: { id: portfolio.body.id } })).status).toBe(
      404,
    );
    expect(
      (
        await call("PATCH", item.PATCH, "/", {
          token: otherToken,
          params: { id: portfolio.body.id },
          body: { name: "pwned" },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call("DELETE", item.DELETE, "/", { token: otherToken, params: { id: portfolio.body.id } })).status,
    ).toBe(404);
    expect((await call("GET", item.GET, "/", { token, params: { id: portfolio.body.id } })).body.name).toBe("Mine");
    const borrowed = await call("POST", webhooks.POST, "/", {
      token: otherToken,
      body: { name: "x", url: "https://example.com", format: "scorecard", portfolioId: portfolio.body.id },
    });
    expect(borrowed.status).toBe(422);
    expect(borrowed.body.error.details).toEqual([expect.objectContaining({ path: "portfolioId" })]);
  });
});
