import { z } from "zod";

export type JsonSchema = z.core.JSONSchema.BaseSchema;
type Io = "input" | "output";

export const componentRef = (name: string) => `#/components/schemas/${name}`;

// API responses are JSON, so a Date leaves the server as an ISO 8601 string.
const unrepresentable: z.core.UnrepresentableHandler = ({ zodSchema }) =>
  zodSchema._zod.def.type === "date" ? { type: "string", format: "date-time" } : "throw";

const options = (io: Io) => ({ target: "draft-2020-12" as const, io, unrepresentable });

/** Converts named schemas to JSON Schema; a named schema inside another becomes a `$ref` to it. */
export function toComponentSchemas(named: ReadonlyMap<z.ZodType, string>, io: Io): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of named) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { ...options(io), uri: componentRef });
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, withoutIdentity(schema)]));
}

// In a document, a component is identified by its place under components.schemas.
function withoutIdentity(schema: JsonSchema): JsonSchema {
  const copy = { ...schema };
  delete copy.$schema;
  delete copy.$id;
  return copy;
}

/** One query schema as its list of properties, the way query parameters are documented. */
export function queryProperties(query: z.ZodObject): { name: string; required: boolean; schema: JsonSchema }[] {
  const { properties = {}, required = [] } = z.toJSONSchema(query, options("input"));
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    required: required.includes(name),
    schema: typeof schema === "boolean" ? {} : schema,
  }));
}
