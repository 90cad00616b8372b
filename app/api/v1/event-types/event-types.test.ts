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
    expect(
      (await call("POST", eventTypes.POST, "/", { token: tokenA, body: { name: "a.private_event" } })).status,
    ).toBe(201);

    for (const handler of [eventTypes.GET, triggers.GET]) {
      const names = (await call("GET", handler, "/", { token: tokenB })).body.data.map(
        (type: { name: string }) => type.name,
      );
      expect(names).not.toContain("a.private_event");
      expect(names).toContain("test");
    }
    const refused = await call("POST", webhooks.POST, "/", {
      token: tokenB,
      body: { name: "x", url: "https://example.com", triggers: ["a.private_event"] },
    });
    expect(refused.status).toBe(422);
    // The same name is free in org B: catalogs are per org.
    expect(
      (await call("POST", eventTypes.POST, "/", { token: tokenB, body: { name: "a.private_event" } })).status,
    ).toBe(201);
  });

  it("needs webhooks:write to add a trigger", async () => {
    const { org } = await createOrg();
    const { token } = await createApiToken(org.id, ["webhooks:read"]);
    expect((await call("POST", eventTypes.POST, "/", { token, body: { name: "nope" } })).status).toBe(403);
    expect((await call("GET", eventTypes.GET, "/", { token })).status).toBe(200);
  });
});

describe("a custom trigger's JSON Schema is checked when it is saved", () => {
  const save = async (schema: unknown) => {
    const { org } = await createOrg();
    const { token } = await createApiToken(org.id, ["webhooks:write"]);
    return call("POST", eventTypes.POST, "/", { token, body: { name: "order.created", schema } });
  };
  let nested: Record<string, unknown> = { type: "string" };
  for (let level = 0; level < 20; level++) nested = { type: "object", properties: { a: nested } };

  const refused: Array<[string, unknown, string]> = [
    ["a reference to the whole schema", { $ref: "#" }, "schema.$ref"],
    [
      "a cycle through $defs",
      {
        $defs: { a: { properties: { b: { $ref: "#/$defs/b" } } }, b: { properties: { a: { $ref: "#/$defs/a" } } } },
        $ref: "#/$defs/a",
      },
      "schema.$defs.b.properties.a.$ref",
    ],
    [
      "a remote reference",
      { properties: { customer: { $ref: "https://schemas.example/customer.json" } } },
      "schema.properties.customer.$ref",
    ],
    ["an $id URL", { $id: "https://schemas.example/order.json" }, "schema.$id"],
    [
      "a backreference",
      { properties: { code: { type: "string", pattern: "^(\\w)\\1$" } } },
      "schema.properties.code.pattern",
    ],
    ["a schema over 64 KB", { type: "object", description: "x".repeat(65 * 1024) }, "schema"],
    ["a schema nested deeper than 32 levels", nested, "schema"],
  ];

  it.each(refused)("refuses %s with 422 and the documented error shape", async (_name, schema, path) => {
    const response = await save(schema);
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      error: {
        code: "validation_failed",
        message: expect.any(String),
        details: expect.arrayContaining([{ path, message: expect.any(String) }]),
      },
    });
  });

  it("says why a pattern RE2 cannot run is refused", async () => {
    const response = await save({ properties: { code: { type: "string", pattern: "^a(?=b)" } } });
    expect(response.body.error.details).toEqual([
      { path: "schema.properties.code.pattern", message: expect.stringContaining("lookahead") },
    ]);
  });

  it("saves a schema within the limits", async () => {
    const response = await save({
      type: "object",
      properties: { id: { type: "string", pattern: "^(a+)+$" } },
      $defs: { unused: { type: "number" } },
    });
    expect(response.status).toBe(201);
  });
});
