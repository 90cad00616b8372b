import "server-only";
import type { EventRow, Published } from "@/lib/events/insert-events";
import { prepareEvent, type EventIssue } from "@/lib/events/prepare-event";
import { maxBatchEvents, publishEventInput } from "@/lib/events/schemas";
import { AppError } from "@/lib/http/errors";
import { zodIssues } from "@/lib/http/respond";
import { storeEvents } from "@/lib/events/store-events";

// A batch body may be this large (a single event's stays 256 KB): 1,000 events of up to ~5 KB each.
export const maxBatchBodyBytes = 5 * 1024 * 1024;

const prefixed = (index: number, issues: EventIssue[]) =>
  issues.map((issue) => ({ path: issue.path ? `${index}.${issue.path}` : String(index), message: issue.message }));

/**
 * A batch is all or nothing: every item is checked first and any bad one refuses the whole batch,
 * naming each bad item by its index; then every row goes in with one statement. Each item keeps
 * its own idempotency key, so a replayed item answers its first id.
 */
export async function publishEvents(orgId: string, items: unknown[]): Promise<Published[]> {
  if (items.length === 0 || items.length > maxBatchEvents) {
    throw new AppError("validation_failed", `Send between 1 and ${maxBatchEvents} events in a batch.`, [
      { path: "", message: `${items.length} events.` },
    ]);
  }
  const issues: EventIssue[] = [];
  const rows: EventRow[] = [];
  const prepared = await Promise.all(
    items.map(async (item, index) => {
      const parsed = publishEventInput.safeParse(item);
      if (!parsed.success) return { index, issues: zodIssues(parsed.error) };
      return { index, ...(await prepareEvent(orgId, parsed.data)) };
    }),
  );
  for (const result of prepared) {
    if (result.issues) issues.push(...prefixed(result.index, result.issues));
    else if (result.row) rows.push(result.row);
  }
  if (issues.length > 0) {
    const bad = new Set(issues.map((issue) => issue.path.split(".")[0])).size;
    throw new AppError("validation_failed", `${bad} of ${items.length} events are not valid; none was stored.`, issues);
  }
  return storeEvents(rows);
}
