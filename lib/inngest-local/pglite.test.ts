import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startHarness } from "@/lib/inngest-local/test-harness";

// The embedded database `npm run dev` uses: one PGlite session shared by every connection.
let database: PGlite;
let server: PGLiteSocketServer;
let databaseUrl: string;

beforeAll(async () => {
  database = await PGlite.create();
  server = new PGLiteSocketServer({ db: database, port: 0, host: "127.0.0.1", maxConnections: 20 });
  await server.start();
  databaseUrl = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
});

afterAll(async () => {
  await server.stop();
  await database.close();
});

it("runs steps, sleeps, retries, sendEvent and onFailure on PGlite while the app queries the same database", async () => {
  const app = new pg.Client({ connectionString: databaseUrl });
  await app.connect();
  const seen: number[] = [];
  const failures: string[] = [];
  let flaky = 0;
  const harness = await startHarness(
    (client) => [
      client.createFunction({ id: "pglite-parent", triggers: [{ event: "test/pglite" }], retries: 2 }, async ({ step }) => {
        // The app reads the database during a call, as its Prisma client would.
        const runs = await step.run("count runs", async () => Number((await app.query("SELECT count(*) FROM inngest_local.runs")).rows[0].count));
        await step.run("flaky", () => {
          if (++flaky === 1) throw new Error("once");
        });
        await step.sleep("nap", "1h");
        await step.sendEvent("hand over", { name: "test/pglite.child", data: { runs } });
        return runs;
      }),
      client.createFunction(
        { id: "pglite-child", triggers: [{ event: "test/pglite.child" }], retries: 0, onFailure: async ({ error }) => void failures.push(error.message) },
        async ({ event, step }) => {
          await step.run("record", () => seen.push(event.data.runs));
          throw new Error("child gives up");
        },
      ),
    ],
    { databaseUrl },
  );
  try {
    await harness.client.send({ name: "test/pglite", data: {} });
    await harness.executor.advance(2 * 3_600_000);
    expect(seen).toEqual([1]);
    expect(failures).toEqual(["child gives up"]);
    const statuses = (await harness.executor.runs()).map((run) => [run.functionId.replace(`${harness.appId}-`, ""), run.status]);
    expect(statuses).toEqual([
      ["pglite-parent", "completed"],
      ["pglite-child", "failed"],
      ["pglite-child-failure", "completed"],
    ]);
  } finally {
    await harness.close();
    await app.end();
  }
});
