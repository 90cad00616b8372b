import pg from "pg";

/** The Postgres server tests run against; each run and each test file gets databases of its own on it. */
export const testServerUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string): string {
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

export async function listDatabases(prefix: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname",
      [prefix],
    );
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

/** The process a claimed test database belongs to (its name says `_pid<pid>_`), or null for a spare. */
export function ownerOf(database: string): number | null {
  const match = /_pid(\d+)_/.exec(database);
  return match ? Number(match[1]) : null;
}
