import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminQuery, databaseUrl, uniqueName } from "../test/postgres";

// The data half of the migration that made activation and "410 disables" per-webhook settings.
const target = "20261129203017_seed_fidelity";
const migrationsDir = path.resolve(import.meta.dirname, "migrations");
const database = uniqueName("whk_seed_fidelity");
let client: pg.Client;

async function apply(name: string) {
  await client.query(await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8"));
}

beforeAll(async () => {
  await adminQuery(`CREATE DATABASE "${database}"`);
  client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  const names = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names.filter((name) => name < target)) await apply(name);
});

afterAll(async () => {
  await client?.end();
  await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});

describe(`migration ${target}`, () => {
  it("sets activation and 410 by preset, and activates pending webhooks of presets that no longer activate by test event", async () => {
    const {
      rows: [org],
    } = await client.query<{ id: string }>(
      `INSERT INTO "Organization" (slug, name, "updatedAt") VALUES ('acme', 'Acme', now()) RETURNING id`,
    );
    const formats = ["standard", "codescoring", "scorecard", "deepsource", "sonarqube", "dejacode"];
    for (const format of formats) {
      for (const status of ["pending", "paused"]) {
        await client.query(
          `INSERT INTO "Webhook" ("orgId", name, url, triggers, "retryDelaysSeconds", format, status, "statusReason", "updatedAt")
           VALUES ($1, $2, 'https://example.com', '{}', '{}', $3::"WebhookFormat", $4::"WebhookStatus", 'Test event failed: HTTP 400', now())`,
          [org!.id, `${format}-${status}`, format, status],
        );
      }
    }

    await apply(target);

    const { rows } = await client.query<{
      name: string;
      status: string;
      activationRequired: boolean;
      disableOnGone: boolean;
    }>(`SELECT name, status::text, "activationRequired", "disableOnGone" FROM "Webhook" ORDER BY name`);
    const byName = Object.fromEntries(rows.map(({ name, ...rest }) => [name, rest]));
    expect(byName["standard-pending"]).toEqual({ status: "pending", activationRequired: true, disableOnGone: true });
    expect(byName["deepsource-pending"]).toEqual({ status: "pending", activationRequired: true, disableOnGone: false });
    for (const format of ["codescoring", "scorecard", "sonarqube", "dejacode"]) {
      expect(byName[`${format}-pending`], format).toEqual({
        status: "active",
        activationRequired: false,
        disableOnGone: false,
      });
      // A person's pause stays.
      expect(byName[`${format}-paused`]?.status, format).toBe("paused");
    }
    const { rows: reasons } = await client.query(
      `SELECT name FROM "Webhook" WHERE status = 'active' AND "statusReason" IS NOT NULL`,
    );
    expect(reasons).toEqual([]);
  });
});
