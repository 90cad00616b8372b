import { describe, expect, it } from "vitest";
import * as eventTypes from "@/app/api/v1/event-types/route";
import * as triggers from "@/app/api/v1/webhooks/triggers/route";
import * as webhooks from "@/app/api/v1/webhooks/route";
import { call } from "@/test/api";
import { createApiToken, createOrg } from "@/test/factories";

describe("custom triggers stay in their org", () => {
  it("neither lists nor accepts another org's custom trigger", async () => {
    const { org: a } = await createOrg();
    const { org: b } = await createOrg();
    const { token: tokenA } = await createApiToken(a.id, ["webhooks:write"]);
    const { token: tokenB } = await createApiToken(b.id, ["webhooks:write"]);
    expect((await call("POST", eventTypes.POST, "/", { token: tokenA, body: { name: "a.private_event" } })).status).toBe(201);

    for (const handler of [eventTypes.GET, triggers.GET]) {
      const names = (await call("GET", handler, "/", { token: tokenB })).body.data.map((type: { name: string }) => type.name);
      expect(names).not.toContain("a.private_event");
      expect(names).toContain("test");
    }
    const refused = await call("POST", webhooks.POST, "/", { token: tokenB, body: { name: "x", url: "https://example.com", triggers: ["a.private_event"] } });
    expect(refused.status).toBe(422);
    // The same name is free in org B: catalogs are per org.
    expect((await call("POST", eventTypes.POST, "/", { token: tokenB, body: { name: "a.private_event" } })).status).toBe(201);
  });

  it("needs webhooks:write to add a trigger", async () => {
    const { org } = await createOrg();
    const { token } = await createApiToken(org.id, ["webhooks:read"]);
    expect((await call("POST", eventTypes.POST, "/", { token, body: { name: "nope" } })).status).toBe(403);
    expect((await call("GET", eventTypes.GET, "/", { token })).status).toBe(200);
  });
});
