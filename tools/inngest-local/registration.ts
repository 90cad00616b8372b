import { checkConcurrency } from "@/tools/inngest-local/concurrency";
import { nextCronTime } from "@/tools/inngest-local/cron";
import type { Queryable } from "@/tools/inngest-local/database";
import { parseDuration } from "@/tools/inngest-local/durations";
import { parseExpression } from "@/tools/inngest-local/expressions";
import { syncCrons } from "@/tools/inngest-local/crons-store";
import { saveFunctions } from "@/tools/inngest-local/functions-store";
import type { FunctionConfig, Registration } from "@/tools/inngest-local/protocol";

// Flow control the local executor does not implement: registering works, the setting has no effect.
const ignoredSettings = [
  "batchEvents",
  "throttle",
  "rateLimit",
  "debounce",
  "idempotency",
  "singleton",
  "priority",
  "timeouts",
];

/** Throws on anything the executor would otherwise trip over later: bad crons, expressions, durations. */
function validate(fn: FunctionConfig, now: Date): void {
  for (const trigger of fn.triggers) {
    if ("cron" in trigger) nextCronTime(trigger.cron, now);
    else if (trigger.expression) parseExpression(trigger.expression);
  }
  checkConcurrency(fn);
  for (const rule of fn.cancel ?? []) {
    if (rule.if) parseExpression(rule.if);
    if (rule.timeout) parseDuration(rule.timeout);
  }
}

export function ignoredSettingsOf(fn: FunctionConfig): string[] {
  return ignoredSettings.filter((setting) => fn[setting] !== undefined && fn[setting] !== null);
}

/** Saves an app's functions and cron schedules in the caller's transaction. */
export async function register(tx: Queryable, registration: Registration, now: Date): Promise<void> {
  for (const fn of registration.functions) validate(fn, now);
  await saveFunctions(tx, registration, now);
  await syncCrons(tx, registration.appId, registration.functions, now);
}
