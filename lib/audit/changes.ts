import { z } from "zod";

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

/** One field an update changed: its values before and after, or only that it changed when it is a secret. */
export const fieldChange = z.union([
  z.strictObject({ before: jsonValue, after: jsonValue }),
  z.strictObject({ hidden: z.literal(true) }),
]);

/** What an audited update changed, by field name: the `changes` of an entry's metadata. */
export const fieldChanges = z.record(z.string(), fieldChange);

export type FieldChange = z.infer<typeof fieldChange>;
export type FieldChanges = z.infer<typeof fieldChanges>;

/** A value as JSON stores it: dates as ISO strings, undefined as null, object keys in order (so equal values compare equal). */
function normalize(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, normalize((value as Record<string, unknown>)[key])]),
    );
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * The fields whose value differs between `before` and `after` (the fields of either), each with
 * both values; a field named in `secrets` is reported as `{ hidden: true }`, never with its values.
 * Unchanged fields are left out, so an update that changed nothing gives `{}`.
 *
 *   changedFields({ name: "a", token: "x" }, { name: "b", token: "y" }, ["token"])
 *   // { name: { before: "a", after: "b" }, token: { hidden: true } }
 */
export function changedFields<Fields extends Record<string, unknown>>(
  before: Fields,
  after: Fields,
  secrets: readonly (keyof Fields & string)[] = [],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = normalize(before[field]);
    const is = normalize(after[field]);
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    changes[field] = (secrets as readonly string[]).includes(field) ? { hidden: true } : { before: was, after: is };
  }
  return changes;
}
