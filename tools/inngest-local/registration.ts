import { checkConcurrency } from "@/tools/inngest-local/concurrency";
import { nextCronTime } from "@/tools/inngest-local/cron";
import type { Queryable } from "@/tools/inngest-local/database";
import { parseDuration } from "@/tools/inngest-local/durations";
import { parseExpression } from "@/tools/inngest-local/expressions";
import { syncCrons } from "@/tools/inngest-local/crons-store";
import { saveFunctions } from "@/tools/inngest-local/functions-store";
import type { FunctionConfig, Registration } from "@/tools/inngest-local/protocol";

// Flow control the local executor does not implement. A function that sets one is refused at
// registration rather than run without it: on Inngest it would behave differently (batched,
// throttled, deduplicated), and the suite must not pass on behaviour Inngest would not have.
const unsupportedSettings = [
  "batchEvents",
  "throttle",
  "rateLimit",
  "debounce",
  "idempotency",
  "singleton",
  "priority",
  "timeouts",
] as const;

/**
 * Throws on anything the executor would otherwise trip over later (bad crons, expressions,
 * durations) or could not do as Inngest does (flow control it does not implement).
 */
function validate(fn: FunctionConfig, now: Date): void {
  for (const trigger of fn.triggers) {
    if ("cron" in trigger) nextCronTime(trigger.cron, now);
    else if (trigger.expression) parseExpression(trigger.expression);
  }
  checkConcurrency(fn);
  const unsupported = unsupportedSettings.filter((setting) => fn[setting] !== undefined && fn[setting] !== null);
  if (unsupported.length > 0) {
    throw new Error(`${fn.id}: ${unsupported.join(", ")} not supported by the local executor (docs/local-inngest.md).`);
  }
  for (const rule of fn.cancel ?? []) {
    if (rule.if) parseExpression(rule.if);
    if (rule.timeout) parseDuration(rule.timeout);
  }
}

/** Saves an app's functions and cron schedules in the caller's transaction. */
export async function register(tx: Queryable, registration: Registration, now: Date): Promise<void> {
  for (const fn of registration.functions) validate(fn, now);
  await saveFunctions(tx, registration, now);
  await syncCrons(tx, registration.appId, registration.functions, now);
}
