import { randomUUID } from "node:crypto";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/next";
import { startLocalInngest, type LocalInngest, type LocalInngestOptions } from "@/tools/inngest-local/executor";
import { serveRoute, type RouteModule, type ServedRoute } from "@/test/serve-route";

const silent = { info() {}, warn() {}, error() {}, debug() {} };

/** A client in cloud mode pointed at an executor, with its keys, as the app builds its own. */
export const testClient = (appId: string, executor: Pick<LocalInngest, "url" | "eventKey" | "signingKey">) =>
  new Inngest({
    id: appId,
    isDev: false,
    baseUrl: executor.url,
    eventKey: executor.eventKey,
    signingKey: executor.signingKey,
    logger: silent,
  });
export type TestClient = ReturnType<typeof testClient>;

export interface Harness {
  executor: LocalInngest;
  client: TestClient;
  route: ServedRoute;
  appId: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  clock?: "real" | "virtual";
  virtualStart?: Date;
  /** Default: this test file's own database. */
  databaseUrl?: string;
  /** Skip the executor's in-band sync (the test registers some other way). */
  sync?: boolean;
  executor?: Pick<LocalInngestOptions, "concurrency" | "stallAfterMs" | "log">;
}

/**
 * Test functions served through `serve` from inngest/next on a real HTTP server, driven by a
 * executor (virtual clock unless asked otherwise) on this test file's database. Each harness is its own app, so tests in
 * one file do not see each other's functions.
 */
export async function startHarness(
  define: (client: TestClient) => InngestFunction.Like[],
  options: HarnessOptions = {},
): Promise<Harness> {
  const appId = `test-${randomUUID().slice(0, 8)}`;
  let handlers: RouteModule = {};
  // The executor needs the route's URL and the client needs the executor's: the route resolves its handlers on first use.
  const route = await serveRoute(async () => handlers);
  const executor = await startLocalInngest({
    serveUrl: route.url,
    databaseUrl: options.databaseUrl ?? process.env.DATABASE_URL!,
    port: 0,
    clock: options.clock ?? "virtual",
    virtualStart: options.virtualStart ?? new Date("2026-01-01T00:00:00Z"),
    ...options.executor,
  });
  const client = testClient(appId, executor);
  handlers = serve({ client, functions: define(client) });
  if (options.sync !== false) await executor.sync();
  return {
    executor,
    client,
    route,
    appId,
    async close() {
      await executor.stop();
      await route.close();
    },
  };
}
