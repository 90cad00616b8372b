import { eventPublished } from "@/inngest/events";
import { inngest } from "@/inngest/client";
import { db } from "@/lib/db";

const handOverTimeoutMs = 2000;

/**
 * Hands stored events to Inngest and marks them dispatched. The Inngest event id is the hub's
 * event id, so handing an event over twice (the answer was lost, the sweeper raced the request)
 * still starts one fan-out. Never throws: what fails here stays undispatched for the sweeper.
 */
export async function handOver(events: { id: string; orgId: string }[]): Promise<number> {
  if (events.length === 0) return 0;
  const sent = inngest.send(events.map((event) => eventPublished.create({ eventId: event.id, orgId: event.orgId }, { id: event.id })));
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), handOverTimeoutMs).unref());
  try {
    if ((await Promise.race([sent, timeout])) === "timeout") {
      sent.catch(() => undefined);
      console.warn(`Inngest did not take ${events.length} event(s) within ${handOverTimeoutMs} ms; the sweeper will hand them over.`);
      return 0;
    }
  } catch (error) {
    console.warn(`Inngest refused ${events.length} event(s); the sweeper will hand them over: ${error instanceof Error ? error.message : error}`);
    return 0;
  }
  await db.event.updateMany({ where: { id: { in: events.map((event) => event.id) }, dispatchedAt: null }, data: { dispatchedAt: new Date() } });
  return events.length;
}

/**
 * Hands over every event stored but never dispatched (Inngest was down, or the process died
 * between the 202 and the hand-over). Runs as a cron and once when the app starts.
 */
export async function sweepUndispatched({ olderThanMs = 10_000, batchSize = 500 } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const events = await db.event.findMany({
      where: { dispatchedAt: null, createdAt: { lt: new Date(Date.now() - olderThanMs) } },
      select: { id: true, orgId: true },
      orderBy: { createdAt: "asc" },
      take: batchSize,
    });
    const handed = await handOver(events);
    total += handed;
    if (handed < batchSize) return total;
  }
}
