import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureSchema } from "@/tools/inngest-local/database";
import { claimRun, insertRun, saveProgress } from "@/tools/inngest-local/runs-store";
import { emptyRunState } from "@/tools/inngest-local/run-state";

const now = new Date("2026-01-01T00:00:00Z");
const leaseUntil = new Date(now.getTime() + 30_000);
const event = { name: "test/store", data: {}, id: "evt", ts: 0 };
let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  await ensureSchema(pool);
});

afterAll(async () => {
  await pool.end();
});

function failAfter(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms).unref(),
  );
}

it("skips a run another transaction holds instead of waiting for it, and never hands out a leased run", async () => {
  const held = await insertRun(pool, "app-held", event, now);
  const free = await insertRun(pool, "app-free", event, now);
  const holder = await pool.connect();
  try {
    await holder.query("BEGIN");
    await holder.query("SELECT id FROM inngest_local.runs WHERE id = $1 FOR UPDATE", [held]);
    const claimed = await Promise.race([claimRun(pool, now, leaseUntil), failAfter(5_000, "claimRun")]);
    expect(claimed?.id).toBe(free);
  } finally {
    await holder.query("ROLLBACK");
    holder.release();
  }
  const next = await claimRun(pool, now, leaseUntil);
  expect(next?.id).toBe(held);
  expect(await claimRun(pool, now, leaseUntil)).toBeNull();
  // Once the lease has run out the run is claimable again, and only the newest lease may record progress.
  const takenOver = await claimRun(pool, leaseUntil, new Date(leaseUntil.getTime() + 30_000));
  expect(takenOver?.id).toBe(held);
  const progress = { status: "running" as const, state: emptyRunState(), wakeAt: now };
  expect(await saveProgress(pool, { ...takenOver!, leaseToken: "an older lease" }, progress)).toBe(false);
  expect(await saveProgress(pool, takenOver!, progress)).toBe(true);
});
