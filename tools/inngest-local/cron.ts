/** A parsed 5-field cron expression (minute hour day-of-month month day-of-week), evaluated in UTC. */
export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  /** Classic cron: when both day fields are restricted, a day matching either one fires. */
  dayFieldsRestricted: { dayOfMonth: boolean; dayOfWeek: boolean };
}

interface FieldRange {
  name: string;
  min: number;
  max: number;
}

const fields: FieldRange[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  // 7 is Sunday too; it is folded onto 0 below.
  { name: "day of week", min: 0, max: 7 },
];

function parseNumber(text: string, field: FieldRange, expression: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`Cron "${expression}": "${text}" is not a number in the ${field.name} field.`);
  const value = Number(text);
  if (value < field.min || value > field.max) {
    throw new Error(`Cron "${expression}": ${value} is outside ${field.min}-${field.max} in the ${field.name} field.`);
  }
  return value;
}

/** One comma-separated part: `*`, `n`, `a-b`, each optionally `/step`. */
function parsePart(part: string, field: FieldRange, expression: string): number[] {
  const [rangeText = "", stepText] = part.split("/");
  const step = stepText === undefined ? 1 : parseNumber(stepText, { ...field, min: 1, max: field.max + 1 }, expression);
  let from = field.min;
  let to = field.max;
  if (rangeText !== "*") {
    const [start = "", end] = rangeText.split("-");
    from = parseNumber(start, field, expression);
    // `n/step` runs from n to the end of the field, as in Vixie cron.
    to = end === undefined ? (stepText === undefined ? from : field.max) : parseNumber(end, field, expression);
    if (to < from) throw new Error(`Cron "${expression}": the range ${rangeText} runs backwards in the ${field.name} field.`);
  }
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}

function parseField(text: string, field: FieldRange, expression: string): Set<number> {
  const values = text.split(",").flatMap((part) => parsePart(part, field, expression));
  return new Set(field.name === "day of week" ? values.map((day) => day % 7) : values);
}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`Cron "${expression}": expected 5 fields (minute hour day-of-month month day-of-week).`);
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = parts.map((part, index) => parseField(part, fields[index]!, expression));
  return {
    minutes: minutes!,
    hours: hours!,
    daysOfMonth: daysOfMonth!,
    months: months!,
    daysOfWeek: daysOfWeek!,
    dayFieldsRestricted: { dayOfMonth: parts[2] !== "*", dayOfWeek: parts[4] !== "*" },
  };
}

function dayMatches(schedule: CronSchedule, time: Date): boolean {
  const byMonthDay = schedule.daysOfMonth.has(time.getUTCDate());
  const byWeekDay = schedule.daysOfWeek.has(time.getUTCDay());
  const { dayOfMonth, dayOfWeek } = schedule.dayFieldsRestricted;
  if (dayOfMonth && dayOfWeek) return byMonthDay || byWeekDay;
  return byMonthDay && byWeekDay;
}

const minuteMs = 60_000;
// Enough to walk several years field by field; a schedule that never matches (Feb 30) ends here.
const searchLimit = 100_000;

/** The first whole minute strictly after `after` that the schedule fires on. */
export function nextCronTime(expression: string, after: Date): Date {
  const schedule = parseCron(expression);
  const time = new Date(Math.floor(after.getTime() / minuteMs) * minuteMs + minuteMs);
  for (let step = 0; step < searchLimit; step++) {
    if (!schedule.months.has(time.getUTCMonth() + 1)) {
      time.setUTCMonth(time.getUTCMonth() + 1, 1);
      time.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(schedule, time)) {
      time.setUTCDate(time.getUTCDate() + 1);
      time.setUTCHours(0, 0, 0, 0);
    } else if (!schedule.hours.has(time.getUTCHours())) {
      time.setUTCHours(time.getUTCHours() + 1, 0, 0, 0);
    } else if (!schedule.minutes.has(time.getUTCMinutes())) {
      time.setUTCMinutes(time.getUTCMinutes() + 1, 0, 0);
    } else {
      return time;
    }
  }
  throw new Error(`Cron "${expression}" never fires.`);
}
