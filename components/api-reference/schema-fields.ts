import type { JsonSchema } from "@/lib/openapi/json-schema";
import type { OpenApiDocument } from "@/lib/openapi/types";

/** One row of a fields table: a property of a schema, nested ones under a dotted name. */
export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description?: string;
  /** Constraints in words: "1–100 characters", "default: 20", "one of: a, b". */
  notes: string[];
}

// Deep enough for `data[].user.email`; guards against any recursive schema.
const maxDepth = 4;

const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** Follows a `#/components/schemas/…` reference; other schemas are returned as they are. */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  return document.components.schemas[refName(schema.$ref)] ?? {};
}

const asSchema = (value: JsonSchema | boolean | undefined): JsonSchema => (typeof value === "object" ? value : {});

/** `X | null` unions collapse to X, so its constraints and fields are shown. */
function withoutNull(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const variants = schema.anyOf?.map(asSchema) ?? [];
  const nonNull = variants.filter((variant) => variant.type !== "null");
  if (variants.length === 2 && nonNull.length === 1)
    return { schema: { ...nonNull[0], ...pickDefault(schema) }, nullable: true };
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const rest = schema.type.filter((type) => type !== "null");
    return { schema: { ...schema, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  return { schema, nullable: false };
}

const pickDefault = (schema: JsonSchema) => ("default" in schema ? { default: schema.default } : {});

export function typeLabel(document: OpenApiDocument, raw: JsonSchema): string {
  const { schema, nullable } = withoutNull(raw);
  return nullable ? `${baseTypeLabel(document, schema)} | null` : baseTypeLabel(document, schema);
}

function baseTypeLabel(document: OpenApiDocument, schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.anyOf) return schema.anyOf.map((variant) => typeLabel(document, asSchema(variant))).join(" | ");
  if (schema.type === "array") return `${typeLabel(document, asSchema(schema.items as JsonSchema | undefined))}[]`;
  if (schema.type === "object" && !schema.properties && schema.additionalProperties !== undefined) {
    const values = asSchema(schema.additionalProperties);
    return values.type ? `map of ${typeLabel(document, values)}` : "object";
  }
  if (schema.enum) return "enum";
  if (schema.format === "date-time") return "date-time";
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return schema.type ?? "any";
}

const range = (min: number | undefined, max: number | undefined, unit: string) => {
  if (min !== undefined && max !== undefined) return `${min}–${max}${unit}`;
  if (min !== undefined) return `at least ${min}${unit}`;
  if (max !== undefined) return `at most ${max}${unit}`;
  return undefined;
};

export function constraintNotes(raw: JsonSchema): string[] {
  const { schema } = withoutNull(raw);
  const patterns = [schema.pattern, ...(schema.allOf ?? []).map((part) => asSchema(part).pattern)].filter(
    (pattern): pattern is string => pattern !== undefined,
  );
  return [
    schema.enum && `one of: ${schema.enum.map((value) => JSON.stringify(value)).join(", ")}`,
    "default" in schema && `default: ${JSON.stringify(schema.default)}`,
    range(schema.minLength, schema.maxLength, " characters"),
    range(schema.minimum, schema.maximum, ""),
    range(schema.minItems, schema.maxItems, " items"),
    schema.format && schema.format !== "date-time" && `format: ${schema.format}`,
    // Long generated patterns (e.g. the email regex) say less than the format next to them.
    ...patterns.filter((pattern) => !schema.format && pattern.length <= 40).map((pattern) => `pattern: ${pattern}`),
  ].filter((note): note is string => typeof note === "string");
}

/** Flattens a schema's properties into rows; objects and arrays of objects are expanded in place. */
export function fieldRows(document: OpenApiDocument, schema: JsonSchema, prefix = "", depth = 0): FieldRow[] {
  const resolved = resolveSchema(document, schema);
  const required = new Set(resolved.required ?? []);
  return Object.entries(resolved.properties ?? {}).flatMap(([key, value]) => {
    const property = asSchema(value);
    const name = `${prefix}${key}`;
    const row: FieldRow = {
      name,
      type: typeLabel(document, property),
      required: required.has(key),
      description: withoutNull(property).schema.description,
      notes: constraintNotes(resolveSchema(document, property)),
    };
    return [row, ...(depth < maxDepth ? nestedRows(document, property, name, depth) : [])];
  });
}

function nestedRows(document: OpenApiDocument, property: JsonSchema, name: string, depth: number): FieldRow[] {
  const inner = resolveSchema(document, withoutNull(property).schema);
  if (inner.properties) return fieldRows(document, inner, `${name}.`, depth + 1);
  if (inner.type === "array") {
    const items = resolveSchema(document, asSchema(inner.items as JsonSchema | undefined));
    if (items.properties) return fieldRows(document, items, `${name}[].`, depth + 1);
  }
  return [];
}
