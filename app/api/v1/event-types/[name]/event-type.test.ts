import { beforeAll, describe, expect, it } from "vitest";
import * as eventTypeRoute from "@/app/api/v1/event-types/[name]/route";
import * as eventTypes from "@/app/api/v1/event-types/route";
import * as events from "@/app/api/v1/events/route";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import { createActiveWebhook, createApiToken, createOrg } from "@/test/factories";

let orgId: string;
let token: string;

beforeAll(async () => {
  orgId = (await createOrg()).org.id;
  ({ token } = await createApiToken(orgId, ["webhooks:write", "events:write"]));
});

const add = (name: string, extra: object = {}) =>
  call("POST", eventTypes.POST, "/api/v1/event-types", { token, body: { name, ...extra } });
const patch = (name: string, body: unknown, as = token) =>
  call("PATCH", eventTypeRoute.PATCH, `/api/v1/event-types/${name}`, { token: as, params: { name }, body });
const remove = (name: string, as = token) =>
  call("DELETE", eventTypeRoute.DELETE, `/api/v1/event-types/${name}`, { token: as, params: { name } });
const publish = (type: string) => call("POST", events.POST, "/api/v1/events", { token, body: { type, payload: {} } });

describe("changing and deleting custom triggers", () => {
  it("changes what it is given, keeps the rest, and the audit log records before and after", async () => {
    await add("invoice.sent", { description: "Sent", examplePayload: { invoice: "INV-1" } });

    const changed = await patch("invoice.sent", { description: "An invoice went out", schema: { type: "object" } });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: "invoice.sent",
      description: "An invoice went out",
      schema: { type: "object" },
      examplePayload: { invoice: "INV-1" },
    });
    const cleared = await patch("invoice.sent", { schema: null });
    expect(cleared.body).toMatchObject({ schema: null, examplePayload: { invoice: "INV-1" } });
    const entries = await db.auditLog.findMany({
      where: { orgId, action: "event_type.updated" },
      orderBy: { createdAt: "asc" },
    });
    expect(entries[0]!.metadata).toMatchObject({
      name: "invoice.sent",
      changes: {
        description: { before: "Sent", after: "An invoice went out" },
        schema: { before: null, after: { type: "object" } },
      },
    });
  });

  it("refuses a schema outside the limits, an unknown field and a new name with 422 naming them", async () => {
    await add("invoice.paid");
    const badSchema = await patch("invoice.paid", {
      schema: { type: "object", properties: { a: { $ref: "https://x" } } },
    });
    expect(badSchema.status).toBe(422);
    expect(badSchema.body.error.details[0].path).toMatch(/^schema\./);
    for (const body of [{ name: "renamed" }, { colour: "red" }])
      expect((await patch("invoice.paid", body)).status).toBe(422);
  });

  it("leaves built-in triggers as the products document them, and answers 404 for one the org does not have", async () => {
    expect((await patch("project_sca_analysis_finished", { description: "mine" })).status).toBe(409);
    expect((await remove("project_sca_analysis_finished")).status).toBe(409);
    expect((await patch("no.such.trigger", { description: "x" })).status).toBe(404);
    const other = await createOrg();
    const { token: theirs } = await createApiToken(other.org.id, ["webhooks:write"]);
    expect((await patch("invoice.sent", { description: "theirs" }, theirs)).status).toBe(404);
    expect((await remove("invoice.sent", theirs)).status).toBe(404);
  });

  it("deletes one no webhook subscribes to, after which publishing it is refused; one in use is kept, naming the webhooks", async () => {
    await add("invoice.voided");
    const webhook = await createActiveWebhook(orgId, "http://127.0.0.1:9/hook", {
      name: "Billing",
      triggers: ["invoice.voided"],
    });
    expect((await publish("invoice.voided")).status).toBe(202);

    const refused = await remove("invoice.voided");
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("Billing");

    await db.webhook.update({ where: { id: webhook.id }, data: { triggers: [] } });
    expect((await remove("invoice.voided")).status).toBe(204);
    expect(await db.eventType.count({ where: { orgId, name: "invoice.voided" } })).toBe(0);
    expect(await db.auditLog.count({ where: { orgId, action: "event_type.deleted" } })).toBe(1);
    expect((await publish("invoice.voided")).status).toBe(422);
  });
});
