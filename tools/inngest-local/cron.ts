import { Cron } from "croner";

/**
 * Inngest's cron triggers: 5 fields (minute hour day-of-month month day-of-week), evaluated in UTC,
 * read by croner. `legacyMode` keeps classic cron's rule that, when both day fields are restricted,
 * a day matching either one fires; `sloppyRanges` keeps Vixie cron's `n/step` (from n to the end
 * of the field).
 */
const options = { mode: "5-part", utcOffset: 0, legacyMode: true, sloppyRanges: true } as const;

// croner's names for the fields (its entry 0 is the seconds it puts in front of a 5-field pattern),
// with the offset it applies before it reports a value (days and months count from 0 inside).
const fields: Record<string, { label: string; min: number; max: number; offset: number }> = {
  minute: { label: "minute", min: 0, max: 59, offset: 0 },
  hour: { label: "hour", min: 0, max: 23, offset: 0 },
  day: { label: "day of month", min: 1, max: 31, offset: 1 },
  month: { label: "month", min: 1, max: 12, offset: 1 },
  dayOfWeek: { label: "day of week", min: 0, max: 7, offset: 0 },
};
const entryNames = ["second", "minute", "hour", "day", "month", "dayOfWeek"];

/** croner's reason, in the words the executor's errors have always used (its tests hold them). */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message.replace(/^CronPattern: /, "") : String(error);
  const outOfRange = /^Invalid value for (\w+): (-?\d+)$/.exec(message);
  const field = outOfRange ? fields[outOfRange[1]!] : undefined;
  if (outOfRange && field)
    return `${Number(outOfRange[2]) + field.offset} is outside ${field.min}-${field.max} in the ${field.label} field.`;
  const illegal = /^configuration entry (\d) \((.*)\) contains illegal characters\.$/.exec(message);
  const entry = illegal ? fields[entryNames[Number(illegal[1])] ?? ""] : undefined;
  if (illegal && entry) return `"${illegal[2]}" is not a number in the ${entry.label} field.`;
  const backwards = /^From value is larger than to value: '(.*)'$/.exec(message);
  if (backwards) return `the range ${backwards[1]} runs backwards.`;
  return message;
}

export function parseCron(expression: string): Cron {
  if (expression.trim().split(/\s+/).length !== 5)
    throw new Error(`Cron "${expression}": expected 5 fields (minute hour day-of-month month day-of-week).`);
  try {
    return new Cron(expression.trim(), options);
  } catch (error) {
    throw new Error(`Cron "${expression}": ${reason(error)}`);
  }
}

/** The first whole minute strictly after `after` that the schedule fires on. */
export function nextCronTime(expression: string, after: Date): Date {
  const next = parseCron(expression).nextRun(after);
  if (!next) throw new Error(`Cron "${expression}" never fires.`);
  return next;
}
