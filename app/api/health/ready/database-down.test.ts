import { expect, it } from "vitest";

it("answers 503 when the database cannot be reached", async () => {
  // Nothing listens on port 1: the app starts against a database that refuses every connection.
  process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/unreachable";
  const { GET } = await import("@/app/api/health/ready/route");
  const response = await GET(new Request("http://localhost:3000/api/health/ready"));
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({
    status: "unready",
    database: { ok: false, latencyMs: null },
    engine: { ok: false, thresholdMs: 60_000, oldestUndispatchedEventAgeMs: null, oldestDueDeliveryAgeMs: null },
    problems: ["The database failed; the log has the error."],
  });
});
