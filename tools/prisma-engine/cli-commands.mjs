// One-shot `schema-engine cli <command>` invocations. The Prisma CLI judges them by exit code and,
// on failure, parses stderr: it skips the first line and reads every other line as a JSON log
// record, looking for an ERROR from target `schema_engine::logger` with `error_code`/`message`.
import pg from "pg";

// Postgres SQLSTATE -> Prisma error code, for the errors the CLI reacts to.
function prismaErrorCode(error, url) {
  const database = new URL(url).pathname.slice(1) || "postgres";
  switch (error?.code) {
    case "3D000":
      return { error_code: "P1003", message: `Database \`${database}\` does not exist` };
    case "28P01":
    case "28000":
      return { error_code: "P1000", message: `Authentication failed against database server: ${error.message}` };
    case "42501":
      return { error_code: "P1010", message: `User was denied access on the database \`${database}\`` };
    case "42P04":
      return { error_code: "P1009", message: `Database \`${database}\` already exists on the database server` };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "ETIMEDOUT":
    case "EAI_AGAIN": {
      const { hostname, port } = new URL(url);
      return { error_code: "P1001", message: `Can't reach database server at \`${hostname}:${port || 5432}\`` };
    }
    default:
      return { message: error?.message ?? String(error) };
  }
}

function reportFailure(error, url) {
  const fields = prismaErrorCode(error, url);
  const record = { timestamp: new Date().toISOString(), level: "ERROR", fields, target: "schema_engine::logger" };
  process.stderr.write(`schema-engine-wasm shim: command failed\n${JSON.stringify(record)}\n`);
  return 1;
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(url) {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  await withClient(admin.toString(), (client) => client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`));
}

const commands = {
  "can-connect-to-database": (url) => withClient(url, (client) => client.query("SELECT 1")),
  "create-database": createDatabase,
  "drop-database": (url) => {
    const target = new URL(url);
    const database = decodeURIComponent(target.pathname.slice(1));
    target.pathname = "/postgres";
    return withClient(target.toString(), (client) =>
      client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`),
    );
  },
};

export async function runCliCommand(command, datasource) {
  const run = commands[command];
  if (!run) {
    process.stderr.write(`schema-engine-wasm shim: unsupported cli command ${command}\n`);
    return 1;
  }
  if (!datasource?.url) return reportFailure(new Error("No --datasource url given"), "postgresql://x/");
  try {
    await run(datasource.url);
    return 0;
  } catch (error) {
    return reportFailure(error, datasource.url);
  }
}
