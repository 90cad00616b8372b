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

/** The ids of the rows it stored; a row whose key is already taken is left out. */
async function insertNew(client: Client, rows: EventRow[], now: Date, dispatched: boolean): Promise<Set<string>> {
  const column = <T>(pick: (row: EventRow) => T) => rows.map(pick);
  const inserted = await client.$queryRaw<{ id: string }[]>`
    INSERT INTO "Event" (id, "orgId", "projectId", type, payload, properties, "idempotencyKey", "createdAt", "dispatchedAt")
    SELECT id, "orgId", "projectId", type, payload::jsonb, properties::jsonb, "idempotencyKey", ${utc(now)}::timestamp, ${dispatched ? utc(now) : null}::timestamp
    FROM unnest(
      ${column((row) => row.id)}::text[], ${column((row) => row.orgId)}::text[], ${column((row) => row.projectId)}::text[],
      ${column((row) => row.type)}::text[], ${column((row) => row.payloadJson)}::text[], ${column((row) => row.propertiesJson)}::text[],
      ${column((row) => row.idempotencyKey)}::text[]
    ) AS t(id, "orgId", "projectId", type, payload, properties, "idempotencyKey")
    ON CONFLICT ("orgId", "idempotencyKey") DO NOTHING
    RETURNING id`;
  return new Set(inserted.map((row) => row.id));
}

/** Two rows of one call with one key: the same request only if they would store the same event. */
const sameRequest = (a: EventRow, b: EventRow) =>
  a.type === b.type &&
  a.projectId === b.projectId &&
  a.payloadJson === b.payloadJson &&
  a.propertiesJson === b.propertiesJson;

interface StoredMatch {
  id: string;
  /** The row is the same request as the stored event. */
  same: boolean;
}

/**
 * Each row's stored event (the one holding its key) and whether the row is the same request, read
 * with a fresh snapshot: for rows whose key another request took, earlier or racing this one.
 */
async function compareWithStored(client: Client, rows: EventRow[]): Promise<Map<string, StoredMatch>> {
  const column = <T>(pick: (row: EventRow) => T) => rows.map(pick);
  const found = await client.$queryRaw<(StoredMatch & { sentId: string })[]>`
    SELECT input.id AS "sentId", stored.id,
           (stored.type = input.type AND stored."projectId" IS NOT DISTINCT FROM input."projectId"
             AND stored.payload = input.payload::jsonb AND stored.properties = input.properties::jsonb) AS same
    FROM unnest(
      ${column((row) => row.id)}::text[], ${column((row) => row.orgId)}::text[], ${column((row) => row.projectId)}::text[],
      ${column((row) => row.type)}::text[], ${column((row) => row.payloadJson)}::text[], ${column((row) => row.propertiesJson)}::text[],
      ${column((row) => row.idempotencyKey)}::text[]
    ) AS input(id, "orgId", "projectId", type, payload, properties, "idempotencyKey")
    JOIN "Event" stored ON stored."orgId" = input."orgId" AND stored."idempotencyKey" = input."idempotencyKey"`;
  return new Map(found.map((row) => [row.sentId, row]));
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
  const inserted = await insertNew(client, sent, now, dispatched);
  const firstOf = (row: EventRow) => (keyOf(row) === null ? row : firstWithKey.get(keyOf(row)!)!);
  // A row whose key another request holds (earlier, or racing this one) is compared with the stored
  // event, read afresh; not with the call's first row of that key, which may be a different request.
  const taken = rows.filter((row) => !inserted.has(firstOf(row).id));
  const stored = taken.length > 0 ? await compareWithStored(client, taken) : new Map<string, StoredMatch>();
  return rows.map((row) => {
    const first = firstOf(row);
    if (inserted.has(first.id)) {
      // Stored by this call: a later row with its key is a replay of it, the same request only if it is the same as the first.
      return {
        id: first.id,
        replayed: first !== row,
        ...(first === row || sameRequest(first, row) ? {} : { keyReused: true as const }),
      };
    }
    const match = stored.get(row.id);
    if (!match)
      throw new Error(`The event holding idempotency key "${row.idempotencyKey}" vanished while it was looked up.`);
    return { id: match.id, replayed: true, ...(match.same ? {} : { keyReused: true as const }) };
  });
}
