import "./engine-env";
import { inject } from "vitest";
import { adminQuery, databaseUrl } from "./postgres";
import { takeFreshDatabase } from "./fresh-database";

// The shared integration files run one after another in their worker's process, on the modules it
// has already loaded (vitest's isolate: false), so their connection pools keep one database name
// for the worker's life. Before each file, that database is swapped for a fresh clone: the old one
// is dropped with the pools' idle connections (they reconnect on their next query, to the new one).
// Every file here sees the engine's settings (test/engine-env.ts), since lib/env loads only once.
const database = `${inject("databasePrefix")}_pid${process.pid}_worker`;
const worker = globalThis as { integrationDatabaseReady?: boolean };
if (worker.integrationDatabaseReady) await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
await takeFreshDatabase(database);
worker.integrationDatabaseReady = true;
process.env.DATABASE_URL = databaseUrl(database);
