// Builds the driver adapter the wasm schema engine talks to: @prisma/adapter-pg plus the fixes
// it needs to serve the schema engine (it was written for the query engine).
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, DriverAdapterError } from "@prisma/driver-adapter-utils";
import pg from "pg";

const TEXT_OID = 25;
// Catalog column types adapter-pg refuses to decode ("Unsupported column type") although their
// text form is all the engine needs: "char" (pg_class.relkind, pg_constraint.contype, ...),
// regproc, int2vector, oidvector, pg_node_tree, regclass, regtype.
const DECODE_AS_TEXT = new Set([18, 24, 22, 30, 194, 2205, 2206]);

let queryablePatched = false;

// PgQueryable (not exported) is the shared base of adapter-pg's connection and transaction
// classes, so patching its prototype covers queries inside transactions too.
function patchAdapterPg(adapter) {
  if (queryablePatched) return;
  queryablePatched = true;

  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  const performIO = queryable.performIO;
  queryable.performIO = async function (query) {
    const result = await performIO.call(this, query);
    for (const field of result?.fields ?? []) {
      if (DECODE_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
    return result;
  };

  // adapter-pg splits scripts on ";", which cuts `$$ ... ; ... $$` function bodies and string
  // literals apart. Postgres accepts a whole multi-statement script as one simple query (run as
  // one implicit transaction, like the native engine does).
  Object.getPrototypeOf(adapter).executeScript = async function (script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
}

function poolConfig(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  const config = {
    connectionString: url,
    // One session for the whole run: the engine takes pg_advisory_lock / pg_advisory_unlock in
    // separate queries, which must land on the same connection.
    max: 1,
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: 30_000,
  };
  if (schema) config.options = `-c search_path="${schema.replaceAll('"', '""')}"`;
  return { config, schema };
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

function databaseUrl(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function sameDatabase(a, b) {
  const key = (u) => {
    const { hostname, port, pathname } = new URL(u);
    return `${hostname}:${port || 5432}${pathname}`;
  };
  return key(a) === key(b);
}

async function connect(url) {
  const { config, schema } = poolConfig(url);
  const factory = new PrismaPg(config, schema ? { schema } : undefined);
  const adapter = await factory.connect();
  patchAdapterPg(adapter);
  return adapter;
}

// An external shadow database must start empty every time; the native engine wipes it, the wasm
// engine does not. Drop every user schema and recreate public.
async function wipeDatabase(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT nspname FROM pg_namespace
      WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
        AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'`);
    const drops = rows.map((r) => `DROP SCHEMA ${quoteIdent(r.nspname)} CASCADE;`).join("\n");
    await client.query(`${drops}\nCREATE SCHEMA IF NOT EXISTS public;`);
  } finally {
    await client.end();
  }
}

// Single-database servers (PGlite's socket server) accept any database name and hand out their
// one database; replaying migrations there would run them against the main database.
async function assertConnectsTo(url, database) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT current_database() AS name");
    if (rows[0]?.name !== database) {
      throw new Error(
        `The server ignored the database name of the temporary shadow database (got "${rows[0]?.name}"), ` +
          "as single-database servers such as PGlite's socket server do. Set SHADOW_DATABASE_URL to a second, " +
          "empty database (for PGlite: a second server instance).",
      );
    }
  } finally {
    await client.end();
  }
}

// adapter-pg's own connectToShadowDb drops the temporary database before closing the pool that
// is connected to it (so the DROP fails) and never closes its admin pool.
async function connectToTemporaryShadowDb(url) {
  const database = `prisma_migrate_shadow_db_${randomUUID()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const dropShadow = async () => {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
  const shadowUrl = databaseUrl(url, database);
  try {
    await assertConnectsTo(shadowUrl, database);
  } catch (error) {
    await dropShadow();
    throw error;
  }
  const shadow = await connect(shadowUrl);
  const dispose = shadow.dispose.bind(shadow);
  shadow.dispose = async () => {
    await dispose().finally(dropShadow);
  };
  return shadow;
}

// The engine shows only "External error id#0" for errors that are not DriverAdapterErrors.
function toAdapterError(error) {
  if (error instanceof DriverAdapterError) return error;
  const pgError = typeof error?.code === "string" && /^[0-9A-Z]{5}$/.test(error.code);
  return new DriverAdapterError({
    kind: "postgres",
    code: pgError ? error.code : "XX000",
    severity: error?.severity ?? "ERROR",
    message: error?.message ?? String(error),
    detail: error?.detail,
    column: error?.column,
    hint: error?.hint,
  });
}

/**
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(url),
    async connectToShadowDb() {
      try {
        if (!shadowDatabaseUrl) return await connectToTemporaryShadowDb(url);
        if (sameDatabase(url, shadowDatabaseUrl)) {
          throw new Error("The shadow database you configured appears to be the same as the main database.");
        }
        await wipeDatabase(shadowDatabaseUrl);
        return await connect(shadowDatabaseUrl);
      } catch (error) {
        throw toAdapterError(error);
      }
    },
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}
