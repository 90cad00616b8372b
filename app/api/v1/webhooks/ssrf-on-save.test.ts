import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/webhooks/route";
import * as item from "@/app/api/v1/webhooks/[id]/route";
import { db } from "@/lib/db";
import { call } from "@/test/api";
import { createApiToken, createOrg } from "@/test/factories";

let token: string;
let orgId: string;

beforeAll(async () => {
  const { org } = await createOrg();
  orgId = org.id;
  ({ token } = await createApiToken(orgId, ["webhooks:write"]));
});

const create = (url: string) =>
  call("POST", collection.POST, "/api/v1/webhooks", { token, body: { name: "Target", url } });

describe("webhook URLs are vetted when saved", () => {
  it.each([
    ["http://10.1.2.3/hook", "private"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    ["http://[fd00:ec2::254]/", "fd00:ec2::254"],
    ["http://0x0a000001/hook", "10.0.0.1"],
    ["http://[::ffff:192.168.0.1]/", "192.168.0.1"],
    ["http://user:pw@100.64.0.1/", "100.64.0.1"],
  ])("refuses %s with the reason", async (url, reason) => {
    const before = await db.webhook.count({ where: { orgId } });
    const response = await create(url);
    expect(response.status).toBe(422);
    expect(response.body.error.details).toEqual([{ path: "url", message: expect.stringContaining(reason) }]);
    expect(await db.webhook.count({ where: { orgId } })).toBe(before);
  });

  it("lets allow-listed loopback through (the test environment allows 127.0.0.0/8), and checks a changed URL again", async () => {
    const created = await create("http://127.0.0.1:9/hook");
    expect(created.status).toBe(201);
    const moved = await call("PATCH", item.PATCH, `/api/v1/webhooks/${created.body.id}`, {
      token,
      params: { id: created.body.id },
      body: { url: "http://192.168.1.1/hook" },
    });
    expect(moved.status).toBe(422);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: created.body.id } })).url).toBe(
      "http://127.0.0.1:9/hook",
    );
  });
});

describe("one answer lists every problem", () => {
  it("reports the schema's field and cross-field problems, then the addresses and references, each all at once", async () => {
    const invalid = await call("POST", collection.POST, "/api/v1/webhooks", {
      token,
      body: {
        name: "x",
        url: "http://127.0.0.1:9/a",
        format: "deepsource",
        secret: "short",
        timeoutMs: 40_000,
        deliveryMode: "batched",
      },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details).toEqual([
      { path: "timeoutMs", message: "Timeout must be at most 30,000 ms." },
      { path: "secret", message: "A DeepSource secret has at least 16 characters." },
      { path: "deliveryMode", message: expect.stringContaining("batching is for Standard Webhooks and CodeScoring") },
    ]);

    const unsaveable = await call("POST", collection.POST, "/api/v1/webhooks", {
      token,
      body: {
        name: "x",
        url: "http://10.1.2.3/hook",
        format: "scorecard",
        followUpUrls: ["http://127.0.0.1:9/ok", "http://169.254.169.254/"],
        triggers: ["no.such.trigger"],
      },
    });
    expect(unsaveable.status).toBe(422);
    expect(unsaveable.body.error.details).toEqual([
      { path: "triggers", message: expect.stringContaining("no.such.trigger") },
      { path: "url", message: expect.stringContaining("10.1.2.3") },
      { path: "followUpUrls.1", message: expect.stringContaining("169.254.169.254") },
    ]);
  });
});

describe("settings that could never be delivered are refused when saved", () => {
  it("refuses batching for a format whose request carries one event, and a PATCH to such a format brings its own mode", async () => {
    const batchedSonar = await call("POST", collection.POST, "/api/v1/webhooks", {
      token,
      body: { name: "x", url: "http://127.0.0.1:9/a", format: "sonarqube", deliveryMode: "batched" },
    });
    expect(batchedSonar.status).toBe(422);
    expect(batchedSonar.body.error.details[0].path).toBe("deliveryMode");

    const codescoring = await call("POST", collection.POST, "/api/v1/webhooks", {
      token,
      body: { name: "cs", url: "http://127.0.0.1:9/a", format: "codescoring" },
    });
    expect(codescoring.body.deliveryMode).toBe("batched");
    const switched = await call("PATCH", item.PATCH, `/api/v1/webhooks/${codescoring.body.id}`, {
      token,
      params: { id: codescoring.body.id },
      body: { format: "sonarqube" },
    });
    expect(switched.status).toBe(200);
    expect(switched.body.deliveryMode).toBe("single");
  });

  it("refuses URL credentials with a broken %-escape instead of failing", async () => {
    const response = await create("http://a%zz:b@127.0.0.1:9/hook");
    expect(response.status).toBe(422);
    expect(response.body.error.details[0].path).toBe("url");
  });
});

describe("Azure's platform address (issue 11, item 11)", () => {
  it("is refused like the other metadata addresses", async () => {
    const response = await create("http://168.63.129.16/hook");
    expect(response.status).toBe(422);
    expect(response.body.error.details).toEqual([{ path: "url", message: expect.stringContaining("cloud metadata") }]);
  });
});
