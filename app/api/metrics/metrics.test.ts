import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const metricsToken = "metrics-token-for-tests-0123456789";
type MetricsRoute = typeof import("@/app/api/metrics/route");

// METRICS_TOKEN is read once at start-up, so each setting gets a freshly loaded app.
async function loadRoute(token: string | undefined): Promise<MetricsRoute> {
  vi.resetModules();
  if (token === undefined) delete process.env.METRICS_TOKEN;
  else process.env.METRICS_TOKEN = token;
  return import("@/app/api/metrics/route");
}

async function scrape(route: MetricsRoute, authorization?: string) {
  const headers = authorization ? { authorization } : undefined;
  const response = await route.GET(new Request("http://localhost:3000/api/metrics", { headers }));
  return { status: response.status, contentType: response.headers.get("content-type"), text: await response.text() };
}

afterAll(() => {
  delete process.env.METRICS_TOKEN;
});

describe("GET /api/metrics when METRICS_TOKEN is not set", () => {
  it("answers 404 in the error shape, even with a bearer token", async () => {
    const route = await loadRoute(undefined);
    for (const authorization of [undefined, `Bearer ${metricsToken}`]) {
      const { status, text } = await scrape(route, authorization);
      expect(status).toBe(404);
      expect(JSON.parse(text)).toEqual({ error: { code: "not_found", message: expect.any(String), details: null } });
    }
  });
});

describe("GET /api/metrics when METRICS_TOKEN is set", () => {
  let route: MetricsRoute;
  beforeAll(async () => {
    route = await loadRoute(metricsToken);
    // The freshly loaded app's first query also opens its pool: done here, so the scrape's
    // deadline measures the engine-lag query and not a cold start.
    const { db } = await import("@/lib/db");
    await db.$queryRaw`SELECT 1`;
  });

  it("answers 401 in the error shape without the token or with a wrong one", async () => {
    for (const authorization of [undefined, "Bearer wrong-token", `Basic ${metricsToken}`, metricsToken]) {
      const { status, text } = await scrape(route, authorization);
      expect(status).toBe(401);
      expect(JSON.parse(text)).toEqual({ error: { code: "unauthorized", message: expect.any(String), details: null } });
    }
  });

  it("answers the Prometheus text format with the hub's metrics and the process metrics", async () => {
    const { countDeliveryFinished, countEventsAccepted, recordAttempt } = await import("@/lib/observability/metrics");
    countEventsAccepted(3);
    recordAttempt({ outcome: "failure", durationMs: 1_500 });
    countDeliveryFinished("succeeded");

    const { status, contentType, text } = await scrape(route, `Bearer ${metricsToken}`);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(/^webhook_hub_events_accepted_total 3$/m);
    expect(text).toMatch(/^webhook_hub_attempts_total\{outcome="failure"\} 1$/m);
    expect(text).toMatch(/^webhook_hub_attempts_total\{outcome="success"\} 0$/m);
    expect(text).toMatch(/^webhook_hub_attempt_duration_seconds_bucket\{le="2.5",outcome="failure"\} 1$/m);
    expect(text).toMatch(/^webhook_hub_attempt_duration_seconds_bucket\{le="1",outcome="failure"\} 0$/m);
    expect(text).toMatch(/^webhook_hub_deliveries_finished_total\{outcome="succeeded"\} 1$/m);
    expect(text).toMatch(/^webhook_hub_engine_lag_seconds\{oldest="undispatched_event"\} 0$/m);
    expect(text).toMatch(/^webhook_hub_engine_lag_seconds\{oldest="due_delivery"\} 0$/m);
    expect(text).toMatch(/^webhook_hub_engine_lag_seconds\{oldest="unattended_delivery"\} 0$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it("measures the engine lag at scrape time", async () => {
    const { db } = await import("@/lib/db");
    const { createActiveWebhook, createOrg } = await import("@/test/factories");
    const { org } = await createOrg();
    const webhook = await createActiveWebhook(org.id, "https://receiver.example.com/hook");
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db.event.create({
      data: { orgId: org.id, type: "test", payload: {}, properties: {}, createdAt: twoMinutesAgo },
    });
    await db.delivery.create({
      data: { orgId: org.id, webhookId: webhook.id, status: "pending", nextAttemptAt: twoMinutesAgo },
    });
    const { text } = await scrape(route, `Bearer ${metricsToken}`);
    for (const oldest of ["undispatched_event", "due_delivery", "unattended_delivery"]) {
      const lag = Number(
        new RegExp(`^webhook_hub_engine_lag_seconds\\{oldest="${oldest}"\\} (\\S+)$`, "m").exec(text)?.[1],
      );
      expect(lag, oldest).toBeGreaterThanOrEqual(120);
      expect(lag, oldest).toBeLessThan(180);
    }
  });
});

describe("the publish API", () => {
  it("counts each accepted event once", async () => {
    const route = await loadRoute(metricsToken);
    const events = await import("@/app/api/v1/events/route");
    const { call } = await import("@/test/api");
    const { createApiToken, createOrg } = await import("@/test/factories");
    const { org } = await createOrg();
    const { token } = await createApiToken(org.id, ["events:write"]);
    const accepted = async () =>
      Number(
        /^webhook_hub_events_accepted_total (\S+)$/m.exec((await scrape(route, `Bearer ${metricsToken}`)).text)?.[1],
      );

    const before = await accepted();
    const body = { type: "test", payload: {}, idempotencyKey: "counted-once" };
    expect((await call("POST", events.POST, "/api/v1/events", { token, body })).status).toBe(202);
    expect((await call("POST", events.POST, "/api/v1/events", { token, body })).status).toBe(202);
    expect(await accepted()).toBe(before + 1);
  });
});
