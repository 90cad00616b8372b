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

interface Outcome {
  sentId: string;
  /** The stored event's id; null only when the row holding the key committed after the statement's snapshot. */
  id: string | null;
  inserted: boolean;
  /** The row is the same request as the stored event. */
  same: boolean;
}

/** Rows that committed, or whose key was already taken. */
async function insertOrFind(client: Client, rows: EventRow[], now: Date, dispatched: boolean) {
  const column = <T>(pick: (row: EventRow) => T) => rows.map(pick);
  return client.$queryRaw<Outcome[]>`
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

/**
 * Each row's stored event (the one holding its key) and whether the row is the same request, read
 * with a fresh snapshot: for rows whose key another request took, earlier or racing this one.
 */
async function compareWithStored(client: Client, rows: EventRow[]): Promise<Map<string, Outcome>> {
  const column = <T>(pick: (row: EventRow) => T) => rows.map(pick);
  const found = await client.$queryRaw<{ sentId: string; id: string; same: boolean }[]>`
    SELECT input.id AS "sentId", stored.id,
           (stored.type = input.type AND stored."projectId" IS NOT DISTINCT FROM input."projectId"
             AND stored.payload = input.payload::jsonb AND stored.properties = input.properties::jsonb) AS same
    FROM unnest(
      ${column((row) => row.id)}::text[], ${column((row) => row.orgId)}::text[], ${column((row) => row.projectId)}::text[],
      ${column((row) => row.type)}::text[], ${column((row) => row.payloadJson)}::text[], ${column((row) => row.propertiesJson)}::text[],
      ${column((row) => row.idempotencyKey)}::text[]
    ) AS input(id, "orgId", "projectId", type, payload, properties, "idempotencyKey")
    JOIN "Event" stored ON stored."orgId" = input."orgId" AND stored."idempotencyKey" = input."idempotencyKey"`;
  return new Map(found.map((row) => [row.sentId, { ...row, inserted: false }]));
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
  const outcome = new Map<string, Outcome>(
    (await insertOrFind(client, sent, now, dispatched)).map((result) => [result.sentId, result]),
  );
  // Compared with the stored event, not with the call's first row of the key: a row whose key was
  // taken after the statement's snapshot, and a later row whose first one found the key taken
  // (that first row may be a different request, and this one a genuine replay).
  const firstOf = (row: EventRow) => (keyOf(row) === null ? row : firstWithKey.get(keyOf(row)!)!);
  const unsettled = rows.filter((row) => {
    const first = outcome.get(firstOf(row).id)!;
    return first.id === null || (firstOf(row) !== row && !first.inserted);
  });
  const stored = unsettled.length > 0 ? await compareWithStored(client, unsettled) : new Map<string, Outcome>();
  return rows.map((row) => {
    const first = firstOf(row);
    const result = stored.get(row.id) ?? outcome.get(first.id);
    if (!result?.id)
      throw new Error(`The event holding idempotency key "${row.idempotencyKey}" vanished while it was looked up.`);
    // A later row whose first one stored the key is the same request as the stored event if it is the same as that first row.
    const same = stored.has(row.id) || first === row ? result.same : sameRequest(first, row);
    return {
      id: result.id,
      replayed: first !== row || !result.inserted,
      ...(same ? {} : { keyReused: true as const }),
    };
  });
}
