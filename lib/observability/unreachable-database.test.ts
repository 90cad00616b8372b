import { expect, it } from "vitest";

// The app in this file starts against a database that refuses every connection (nothing listens on port 1).
process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/unreachable";
process.env.METRICS_TOKEN = "metrics-token-for-tests-0123456789";

it("readiness answers 503 when the database cannot be reached", async () => {
  const { GET } = await import("@/app/api/health/ready/route");
  const response = await GET(new Request("http://localhost:3000/api/health/ready"));
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({
    status: "unready",
    database: { ok: false, latencyMs: null },
    engine: {
      ok: false,
      thresholdMs: 60_000,
      oldestUndispatchedEventAgeMs: null,
      oldestDueDeliveryAgeMs: null,
      oldestUnattendedDeliveryAgeMs: null,
    },
    problems: ["The database failed; the log has the error."],
  });
});

it("metrics still answer, without the engine lag, when the database cannot be reached", async () => {
  const { GET } = await import("@/app/api/metrics/route");
  const response = await GET(
    new Request("http://localhost:3000/api/metrics", {
      headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` },
    }),
  );
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/^webhook_hub_attempts_total\{outcome="success"\} 0$/m);
  expect(text).not.toMatch(/^webhook_hub_engine_lag_seconds\{/m);
});
