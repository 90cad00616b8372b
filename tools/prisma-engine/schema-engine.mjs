#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded here. The Prisma
// CLI spawns it through PRISMA_SCHEMA_ENGINE_BINARY (set in prisma.config.ts); this script runs
// the official wasm build of the same engine (@prisma/schema-engine-wasm) against Postgres via
// @prisma/adapter-pg. See docs/prisma-offline.md.
import { readFileSync } from "node:fs";
import { runCliCommand } from "./cli-commands.mjs";
import { loadSchemaEngineWasm, panicMessage } from "./load-wasm.mjs";
import { createAdapterFactory } from "./pg-adapter.mjs";
import { serve } from "./rpc.mjs";

// The engine refuses to start without a schema; the CLI omits --datamodels for some commands.
const FALLBACK_DATAMODEL = ["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n'];

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cliCommand: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "cli") args.cliCommand = argv[++i];
    else if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg.startsWith("--")) i++; // --enabled-preview-features, --extension-types: unused
  }
  return args;
}

function log(level, message) {
  const record = { timestamp: new Date().toISOString(), level, fields: { message }, target: "schema_engine::shim" };
  process.stderr.write(`${JSON.stringify(record)}\n`);
}

// Panics inside wasm callbacks surface as uncaught exceptions rather than rejected promises.
// Exit code 101 is what the native engine uses for a panic; the CLI then reports the last
// ERROR log line.
process.on("uncaughtException", (error) => {
  log("ERROR", panicMessage() ?? error?.stack ?? String(error));
  process.exit(101);
});

async function startEngine(runtime, { datamodels, datasource }) {
  const files = datamodels.map((path) => [path, readFileSync(path, "utf8")]);
  if (files.length === 0) files.push(FALLBACK_DATAMODEL);
  // adapter-pg's pool connects lazily, so a placeholder URL is fine for commands that never
  // touch the database (e.g. `migrate diff --from-empty --to-schema`).
  const adapterFactory = createAdapterFactory({
    url: datasource?.url ?? "postgresql://localhost:5432/postgres",
    shadowDatabaseUrl: datasource?.shadowDatabaseUrl,
  });
  const onLog = (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
  return runtime.SchemaEngine.new({ datamodels: files }, onLog, adapterFactory);
}

function createHandler(runtime, engine) {
  let primed = false;
  const primeShadowSchema = async ({ migrationsList, filters }) => {
    if (primed || migrationsList.migrationDirectories.length === 0) return;
    await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: true, filters });
    primed = true;
  };

  const special = {
    version: () => runtime.version(),
    getDatabaseVersion: (params) => engine.version(params),
    async diff(params, { print }) {
      const { exitCode, stdout } = await engine.diff(params);
      if (stdout !== null && stdout !== undefined) await print(stdout);
      return { exitCode };
    },
    async createDatabase(params) {
      const url = params?.datasource?.url;
      if (!url) throw new Error("createDatabase: only a connection-string datasource is supported by the wasm shim");
      const code = await runCliCommand("create-database", { url });
      if (code !== 0) throw new Error(`Could not create database at ${new URL(url).pathname.slice(1)}`);
      return { databaseName: decodeURIComponent(new URL(url).pathname.slice(1)) };
    },
    // The wasm engine's evaluateDataLoss/createMigration cannot open a shadow database
    // themselves ("PostgreSQL shadow DB must be provided through an external factory"); they
    // only reuse the shadow schema cached by a diagnoseMigrationHistory call that opted into the
    // shadow database while the database was up to date. `migrate dev` with pending migrations
    // goes devDiagnostic -> applyMigrations -> evaluateDataLoss, so nothing is cached: run that
    // diagnose here first.
    async evaluateDataLoss(params) {
      await primeShadowSchema(params);
      return engine.evaluateDataLoss(params);
    },
    async createMigration(params) {
      await primeShadowSchema(params);
      return engine.createMigration(params);
    },
    async applyMigrations(params) {
      const result = await engine.applyMigrations(params);
      if (result.appliedMigrationNames.length > 0) primed = false;
      return result;
    },
  };

  return async (method, params, ctx) => {
    if (special[method]) return special[method](params, ctx);
    if (["reset", "schemaPush", "dbExecute", "markMigrationApplied", "markMigrationRolledBack"].includes(method)) {
      primed = false;
    }
    if (typeof engine[method] !== "function" || method === "free" || method.startsWith("__")) {
      throw new Error(`Method ${method} is not supported by the schema-engine-wasm shim`);
    }
    return engine[method](params);
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const runtime = await loadSchemaEngineWasm();
  if (args.version) {
    process.stdout.write(`schema-engine-wasm ${runtime.version()}\n`);
    return 0;
  }
  if (args.cliCommand) return runCliCommand(args.cliCommand, args.datasource);

  const engine = await startEngine(runtime, args);
  return serve(createHandler(runtime, engine));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log("ERROR", error?.stack ?? String(error));
    process.exit(1);
  },
);
