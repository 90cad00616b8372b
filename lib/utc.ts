/**
 * A time as raw SQL should take it: Prisma stores DateTime as UTC in `timestamp` columns, so a
 * parameter goes in as UTC text cast with `::timestamp`, never shifted by a session's time zone.
 */
export const utc = (time: Date): string => time.toISOString();
