import { expressionValue } from "@/tools/inngest-local/expressions";
import type { FunctionConfig, InngestEvent } from "@/tools/inngest-local/protocol";
import type { ConcurrencySlot } from "@/tools/inngest-local/runs-store";

interface ConcurrencyRule {
  limit: number;
  key?: string;
}

/** The SDK registers `concurrency` as a number, one rule, or a list of rules. */
function rulesOf(fn: FunctionConfig): ConcurrencyRule[] {
  const setting = fn.concurrency as number | ConcurrencyRule | ConcurrencyRule[] | undefined | null;
  if (setting === undefined || setting === null) return [];
  if (typeof setting === "number") return [{ limit: setting }];
  return Array.isArray(setting) ? setting : [setting];
}

/** Throws on a concurrency setting the executor cannot honour exactly, so it is never silently looser than Inngest. */
export function checkConcurrency(fn: FunctionConfig): void {
  const rules = rulesOf(fn);
  if (rules.length > 1)
    throw new Error(`${fn.id}: the local executor enforces one concurrency rule per function, not ${rules.length}.`);
  for (const rule of rules) {
    if (!Number.isInteger(rule.limit) || rule.limit < 1)
      throw new Error(`${fn.id}: concurrency limit ${rule.limit} is not a positive whole number.`);
  }
}

/** Which concurrency slot a run of `fn` for `event` takes: the function's, or per value of the rule's key. */
export function concurrencySlotOf(fn: FunctionConfig, event: InngestEvent): ConcurrencySlot | null {
  const [rule] = rulesOf(fn);
  if (!rule) return null;
  const value = rule.key ? JSON.stringify(expressionValue(rule.key, { event }) ?? null) : "";
  return { key: `${fn.id}:${value}`, limit: rule.limit };
}
