import "server-only";
import { randomUUID } from "node:crypto";
import { sql, type SqlClient } from "@/lib/sql";
import { utc } from "@/lib/utc";
import { AppError } from "@/lib/http/errors";

/** A validated event, ready to store; its id is chosen before the INSERT so each row maps back to its request. */
export interface EventRow {
  id: string;
  orgId: string;
  projectId: string | null;
  type: string;
  payloadJson: string;
  propertiesJson: string;
  idempotencyKey: string | null;
}

export interface Published {
  id: string;
  /** True when the idempotency key was seen before: this is the first request's answer. */
  replayed: boolean;
  /** A replay whose request differs from the first one (type, project, payload or properties): the key was reused for something else. */
  keyReused?: true;
}

type Client = Pick<SqlClient, "$queryRaw">;

export interface InsertOptions {
  client?: Client;
  now?: Date;
  /** Store the rows already marked dispatched: the caller fans them out in the same transaction. */
  dispatched?: boolean;
}

/** Stripe's rule: a key answers the first request's result only for the same request; a different one is refused. */
export const keyReused = (details: Array<{ path: string; message: string }>) =>
  new AppError("idempotency_key_reused", "This idempotency key was already used with a different request.", details);

export const newEventId = () => `evt_${randomUUID().replaceAll("-", "")}`;

const keyOf = (row: { orgId: string; idempotencyKey: string | null }) =>
  row.idempotencyKey === null ? null : `${row.orgId}\u0000${row.idempotencyKey}`;

/** Rows that committed, or whose key was already taken; `id` null only when the row holding the key committed after this statement's snapshot. */
async function insertOrFind(client: Client, rows: EventRow[], now: Date, dispatched: boolean) {
  const column = <T>(pick: (row: EventRow) => T) => rows.map(pick);
  return client.$queryRaw<{ sentId: string; id: string | null; inserted: boolean; same: boolean }[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${column((row) => row.id)}::text[], ${column((row) => row.orgId)}::text[], ${column((row) => row.projectId)}::text[],
        ${column((row) => row.type)}::text[], ${column((row) => row.payloadJson)}::text[], ${column((row) => row.propertiesJson)}::text[],
        ${column((row) => row.idempotencyKey)}::text[]
      ) AS t(id, "orgId", "projectId", type, payload, properties, "idempotencyKey")
    ), inserted AS (
      INSERT INTO "Event" (id, "orgId", "projectId", type, payload, properties, "idempotencyKey", "createdAt", "dispatchedAt")
      SELECT id, "orgId", "projectId", type, payload::jsonb, properties::jsonb, "idempotencyKey", ${utc(now)}::timestamp, ${dispatched ? utc(now) : null}::timestamp
      FROM input
      ON CONFLICT ("orgId", "idempotencyKey") DO NOTHING
      RETURNING id
    )
    SELECT input.id AS "sentId", coalesce(inserted.id, existing.id) AS id, inserted.id IS NOT NULL AS inserted,
           inserted.id IS NOT NULL OR existing.id IS NULL OR (existing.type = input.type AND existing."projectId" IS NOT DISTINCT FROM input."projectId"
             AND existing.payload = input.payload::jsonb AND existing.properties = input.properties::jsonb) AS same
    FROM input
    LEFT JOIN inserted ON inserted.id = input.id
    LEFT JOIN "Event" existing ON inserted.id IS NULL AND existing."orgId" = input."orgId" AND existing."idempotencyKey" = input."idempotencyKey"`;
}

/** Two rows of one call with one key: the same request only if they would store the same event. */
const sameRequest = (a: EventRow, b: EventRow) =>
  a.type === b.type &&
  a.projectId === b.projectId &&
  a.payloadJson === b.payloadJson &&
  a.propertiesJson === b.propertiesJson;

/** The ids of events holding these keys, read with a fresh snapshot. */
async function findByKeys(client: Client, rows: EventRow[]): Promise<Map<string, string>> {
  const found = await client.$queryRaw<{ orgId: string; idempotencyKey: string; id: string }[]>`
    SELECT "orgId", "idempotencyKey", id FROM "Event"
    WHERE ("orgId", "idempotencyKey") IN (SELECT * FROM unnest(${rows.map((row) => row.orgId)}::text[], ${rows.map((row) => row.idempotencyKey)}::text[]))`;
  return new Map(found.map((row) => [keyOf(row)!, row.id]));
}

/**
 * Stores events with one set-based statement (atomic: all or none), answering each row in order
 * with its id. A row whose idempotency key is already taken (earlier, by a racing request, or by an
 * earlier row of the same call) answers the existing event's id as a replay and stores nothing.
 */
export async function insertEvents(
  rows: EventRow[],
  { client = sql, now = new Date(), dispatched = false }: InsertOptions = {},
): Promise<Published[]> {
  const firstWithKey = new Map<string, EventRow>();
  const sent: EventRow[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null && firstWithKey.has(key)) continue;
    if (key !== null) firstWithKey.set(key, row);
    sent.push(row);
  }
  const outcome = new Map((await insertOrFind(client, sent, now, dispatched)).map((result) => [result.sentId, result]));
  const unseen = sent.filter((row) => outcome.get(row.id)?.id === null);
  if (unseen.length > 0) {
    const ids = await findByKeys(client, unseen);
    for (const row of unseen)
      outcome.set(row.id, { sentId: row.id, id: ids.get(keyOf(row)!) ?? null, inserted: false, same: true });
  }
  return rows.map((row) => {
    const key = keyOf(row);
    const first = key === null ? row : firstWithKey.get(key)!;
    const result = outcome.get(first.id);
    if (!result?.id)
      throw new Error(`The event holding idempotency key "${row.idempotencyKey}" vanished while it was looked up.`);
    // A later row with the first one's key matches the stored event only if the first did: when the
    // first was itself refused, the later one is refused too rather than compared with the wrong request.
    const same = first === row ? result.same : sameRequest(first, row) && (result.inserted || result.same);
    return {
      id: result.id,
      replayed: first !== row || !result.inserted,
      ...(same ? {} : { keyReused: true as const }),
    };
  });
}
