import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/tools/embedded/postgres";
import { migrateDeploy } from "@/test/migrate";

// `npm run dev`'s default database under a crowd: the publish path must answer 202 for every
// committed event and never a 5xx. The app modules load only once DATABASE_URL names the
// embedded server, so this file's Prisma client talks to it.
let embedded: EmbeddedPostgres | undefined;
let parentDir: string | undefined;

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await embedded?.stop();
  if (parentDir) await rm(parentDir, { recursive: true, force: true });
});

it("answers 202 to 300 concurrent publishes on the embedded Postgres, each one committed, none a 5xx", async () => {
  parentDir = await mkdtemp(path.join(tmpdir(), "whk-embedded-load-"));
  await chmod(parentDir, 0o755);
  // Below Linux's ephemeral range (32768 and up), where another test's outgoing connection could hold it.
  const port = 26_000 + Number(process.env.TEST_PORT_OFFSET ?? 0) + Math.floor(Math.random() * 3_000);
  embedded = await startEmbeddedPostgres(path.join(parentDir, "pg"), port);
  expect(await migrateDeploy(embedded.url)).toBe(0);
  process.env.DATABASE_URL = embedded.url;

  const { call } = await import("@/test/api");
  const eventsRoute = await import("@/app/api/v1/events/route");
  const { createApiToken, createOrg } = await import("@/test/factories");
  const { db } = await import("@/lib/db");
  const { org } = await createOrg();
  const { token } = await createApiToken(org.id, ["events:write"]);

  const publishes = 300;
  const answers = await Promise.all(
    Array.from({ length: publishes }, (_, n) =>
      call("POST", eventsRoute.POST, "/api/v1/events", {
        token,
        body: { type: "test", payload: { n: n % 250 }, idempotencyKey: `load-${n % 250}` },
      }),
    ),
  );
  expect(answers.filter((answer) => answer.status !== 202)).toEqual([]);
  // 250 distinct requests, each key sent once or twice: the 50 repeats answer the first event's id, and only 250 rows exist.
  const ids = new Set(answers.map((answer) => answer.body.id as string));
  expect(ids.size).toBe(250);
  expect(await db.event.count({ where: { orgId: org.id, id: { in: [...ids] } } })).toBe(250);
}, 120_000);
