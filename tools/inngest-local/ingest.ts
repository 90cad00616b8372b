import { randomUUID } from "node:crypto";
import type { Queryable } from "@/tools/inngest-local/database";
import { concurrencySlotOf } from "@/tools/inngest-local/concurrency";
import { parseDuration } from "@/tools/inngest-local/durations";
import { claimEventKey, insertEvent } from "@/tools/inngest-local/events-store";
import { matchesExpression } from "@/tools/inngest-local/expressions";
import { listFunctions } from "@/tools/inngest-local/functions-store";
import type { FunctionConfig, IncomingEvent, InngestEvent } from "@/tools/inngest-local/protocol";
import { activeRunsOf, cancelRuns, insertRun } from "@/tools/inngest-local/runs-store";

function normalize(incoming: IncomingEvent, internalId: string, now: Date): InngestEvent {
  const event: InngestEvent = {
    name: incoming.name,
    data: incoming.data ?? {},
    id: incoming.id ?? internalId,
    ts: incoming.ts ?? now.getTime(),
  };
  if (incoming.v !== undefined) event.v = incoming.v;
  return event;
}

function triggeredBy(fn: FunctionConfig, event: InngestEvent): boolean {
  return fn.triggers.some(
    (trigger) =>
      "event" in trigger &&
      trigger.event === event.name &&
      (!trigger.expression || matchesExpression(trigger.expression, { event })),
  );
}

/** Active runs of `fn` that this event cancels: its `if` holds against the run's own event, within the `timeout`. */
async function runsCancelledBy(db: Queryable, fn: FunctionConfig, event: InngestEvent, now: Date): Promise<string[]> {
  const rules = (fn.cancel ?? []).filter((rule) => rule.event === event.name);
  if (rules.length === 0) return [];
  const runs = await activeRunsOf(db, fn.id);
  return runs
    .filter((run) =>
      rules.some(
        (rule) =>
          (!rule.timeout || now.getTime() <= run.createdAt.getTime() + parseDuration(rule.timeout)) &&
          (!rule.if || matchesExpression(rule.if, { event, async: run.event })),
      ),
    )
    .map((run) => run.id);
}

/**
 * Stores events and acts on them at once, in the caller's transaction: duplicates (same `id`
 * within 24 h) are dropped, matching runs are cancelled, triggered functions get a run each.
 * Returns the events' ids, the earlier event's id for a duplicate.
 */
export async function ingestEvents(tx: Queryable, incoming: IncomingEvent[], now: Date): Promise<string[]> {
  const functions = await listFunctions(tx);
  const ids: string[] = [];
  for (const item of incoming) {
    const internalId = randomUUID();
    const earlier = item.id ? await claimEventKey(tx, item.id, internalId, now) : null;
    if (earlier) {
      ids.push(earlier);
      continue;
    }
    const event = normalize(item, internalId, now);
    await insertEvent(tx, internalId, event, now);
    for (const fn of functions) await cancelRuns(tx, await runsCancelledBy(tx, fn, event, now), now);
    for (const fn of functions.filter((candidate) => triggeredBy(candidate, event)))
      await insertRun(tx, fn.id, event, now, concurrencySlotOf(fn, event));
    ids.push(internalId);
  }
  return ids;
}
