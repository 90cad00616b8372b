import { randomUUID } from "node:crypto";
import { json, type Queryable } from "@/tools/inngest-local/database";
import { functionConfigSchema, type FunctionConfig, type InngestEvent } from "@/tools/inngest-local/protocol";
import { emptyRunState, type RunState } from "@/tools/inngest-local/run-state";

export type RunStatus = "running" | "sleeping" | "completed" | "failed" | "cancelled";

/** Statuses a run can still leave: the ones claims, cancellations and wake-ups look at. */
const activeStatuses = ["running", "sleeping"];

export interface RunSummary {
  id: string;
  /** The registered id, prefixed with the app id (e.g. "webhook-hub-deliver"). */
  functionId: string;
  status: RunStatus;
  event: InngestEvent;
  output: unknown;
  error: unknown;
  createdAt: Date;
  endedAt: Date | null;
  /** When an active run is next due (a sleep's end, a retry's time); null once it ended. */
  wakeAt: Date | null;
}

export interface ClaimedRun {
  id: string;
  functionId: string;
  event: InngestEvent;
  state: RunState;
  leaseToken: string;
  /** Null when the function is no longer registered. */
  config: FunctionConfig | null;
}

interface RunRow {
  id: string;
  function_id: string;
  event: InngestEvent;
  status: RunStatus;
  state: RunState;
  wake_at: Date;
  output: unknown;
  error: unknown;
  created_at: Date;
  ended_at: Date | null;
}

/** A run's share of its function's concurrency limit: at most `limit` runs with the same key make calls at once. */
export interface ConcurrencySlot {
  key: string;
  limit: number;
}

export async function insertRun(
  db: Queryable,
  functionId: string,
  event: InngestEvent,
  now: Date,
  concurrency: ConcurrencySlot | null = null,
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO inngest_local.runs (id, function_id, event, status, state, wake_at, created_at, concurrency_key, concurrency_limit)
     VALUES ($1, $2, $3::jsonb, 'running', $4::jsonb, $5, $5, $6, $7)`,
    [id, functionId, json(event), json(emptyRunState()), now, concurrency?.key ?? null, concurrency?.limit ?? null],
  );
  return id;
}

/**
 * Leases the run that has been due longest. A lease that ran out belongs to an executor that died
 * (or hung): the run is taken over. SKIP LOCKED keeps two executors from claiming the same run.
 * A run whose concurrency key already has `limit` calls in flight waits, as on Inngest, where
 * only runs making calls count (sleeping ones do not).
 */
export async function claimRun(db: Queryable, now: Date, leaseUntil: Date): Promise<ClaimedRun | null> {
  const leaseToken = randomUUID();
  const { rows } = await db.query<RunRow & { config: unknown }>(
    `WITH next AS (
       SELECT id FROM inngest_local.runs
       WHERE status = ANY($1::text[]) AND wake_at <= $2 AND (lease_until IS NULL OR lease_until <= $2)
         AND (concurrency_key IS NULL OR concurrency_limit > (
           SELECT count(*) FROM inngest_local.runs AS busy
           WHERE busy.concurrency_key = runs.concurrency_key AND busy.lease_until > $2 AND busy.status = ANY($1::text[])))
       ORDER BY wake_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE inngest_local.runs AS run SET lease_token = $3, lease_until = $4 FROM next WHERE run.id = next.id RETURNING run.*
     )
     SELECT claimed.*, fn.config FROM claimed LEFT JOIN inngest_local.functions AS fn ON fn.id = claimed.function_id`,
    [activeStatuses, now, leaseToken, leaseUntil],
  );
  const row = rows[0];
  if (!row) return null;
  const config = row.config === null ? null : functionConfigSchema.parse(row.config);
  return { id: row.id, functionId: row.function_id, event: row.event, state: row.state, leaseToken, config };
}

/** Keeps a lease alive during a long call. False once the lease was lost (taken over, or the run cancelled). */
export async function extendLease(db: Queryable, run: ClaimedRun, leaseUntil: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE inngest_local.runs SET lease_until = $3 WHERE id = $1 AND lease_token = $2`,
    [run.id, run.leaseToken, leaseUntil],
  );
  return rowCount === 1;
}

/** Hands a run back untouched, e.g. when the executor stops mid-call. */
export async function releaseLease(db: Queryable, run: ClaimedRun): Promise<void> {
  await db.query(
    `UPDATE inngest_local.runs SET lease_token = NULL, lease_until = NULL WHERE id = $1 AND lease_token = $2`,
    [run.id, run.leaseToken],
  );
}

export type Progress =
  | { status: "running" | "sleeping"; state: RunState; wakeAt: Date }
  | { status: "completed"; state: RunState; output: unknown; endedAt: Date }
  | { status: "failed"; state: RunState; error: unknown; endedAt: Date };

/**
 * Records a call's outcome and releases the lease, only if this executor still holds it: a result
 * from a run that was taken over or cancelled meanwhile is discarded (returns false).
 */
export async function saveProgress(db: Queryable, run: ClaimedRun, progress: Progress): Promise<boolean> {
  const ended = progress.status === "completed" || progress.status === "failed";
  const { rowCount } = await db.query(
    `UPDATE inngest_local.runs
     SET status = $3, state = $4::jsonb, wake_at = COALESCE($5, wake_at), output = $6::jsonb, error = $7::jsonb, ended_at = $8,
         lease_token = NULL, lease_until = NULL
     WHERE id = $1 AND lease_token = $2 AND status = ANY($9::text[])`,
    [
      run.id,
      run.leaseToken,
      progress.status,
      json(progress.state),
      ended ? null : progress.wakeAt,
      progress.status === "completed" ? json(progress.output) : null,
      progress.status === "failed" ? json(progress.error) : null,
      ended ? progress.endedAt : null,
      activeStatuses,
    ],
  );
  return rowCount === 1;
}

export async function activeRunsOf(
  db: Queryable,
  functionId: string,
): Promise<Array<{ id: string; event: InngestEvent; createdAt: Date }>> {
  const { rows } = await db.query<{ id: string; event: InngestEvent; created_at: Date }>(
    `SELECT id, event, created_at FROM inngest_local.runs WHERE function_id = $1 AND status = ANY($2::text[]) ORDER BY seq`,
    [functionId, activeStatuses],
  );
  return rows.map((row) => ({ id: row.id, event: row.event, createdAt: row.created_at }));
}

/** Cancelling also drops any lease, so a call in flight cannot record its result afterwards. */
export async function cancelRuns(db: Queryable, runIds: string[], now: Date): Promise<void> {
  if (runIds.length === 0) return;
  await db.query(
    `UPDATE inngest_local.runs SET status = 'cancelled', ended_at = $2, lease_token = NULL, lease_until = NULL
     WHERE id = ANY($1::text[]) AND status = ANY($3::text[])`,
    [runIds, now, activeStatuses],
  );
}

/** The earliest moment an active run becomes claimable: its wake time, or when a foreign lease runs out. */
export async function nextRunDueAt(db: Queryable): Promise<Date | null> {
  const { rows } = await db.query<{ due: Date | null }>(
    `SELECT min(GREATEST(wake_at, COALESCE(lease_until, wake_at))) AS due FROM inngest_local.runs WHERE status = ANY($1::text[])`,
    [activeStatuses],
  );
  return rows[0]?.due ?? null;
}

/** The run due longest ago that nobody has started: what the watchdog reports as the executor's lag. */
export async function oldestWaitingRun(
  db: Queryable,
  now: Date,
): Promise<{ id: string; functionId: string; dueAt: Date } | null> {
  const { rows } = await db.query<{ id: string; function_id: string; wake_at: Date }>(
    `SELECT id, function_id, wake_at FROM inngest_local.runs
     WHERE status = ANY($1::text[]) AND wake_at <= $2 AND (lease_until IS NULL OR lease_until <= $2)
     ORDER BY wake_at LIMIT 1`,
    [activeStatuses, now],
  );
  const row = rows[0];
  return row ? { id: row.id, functionId: row.function_id, dueAt: row.wake_at } : null;
}

export interface RunFilter {
  /** The full id ("webhook-hub-deliver") or the id given to createFunction ("deliver"). */
  functionId?: string;
  status?: string;
}

export async function listRuns(db: Queryable, filter: RunFilter = {}): Promise<RunSummary[]> {
  const { rows } = await db.query<RunRow>(
    `SELECT * FROM inngest_local.runs
     WHERE ($1::text IS NULL OR function_id = $1 OR function_id IN (SELECT id || '-' || $1 FROM inngest_local.apps))
       AND ($2::text IS NULL OR status = $2)
     ORDER BY seq`,
    [filter.functionId ?? null, filter.status ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    functionId: row.function_id,
    status: row.status,
    event: row.event,
    output: row.output,
    error: row.error,
    createdAt: row.created_at,
    endedAt: row.ended_at,
    wakeAt: activeStatuses.includes(row.status) ? row.wake_at : null,
  }));
}
